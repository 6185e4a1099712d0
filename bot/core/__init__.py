"""The pure core: corpus, text, index, answers, quotes, moderation. Never imports discord."""
