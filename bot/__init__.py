"""storybot: answers readers' questions about a news story, on Discord and offline."""

__version__ = "0.1.0"
