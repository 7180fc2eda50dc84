"""tolltrack: attributed, revision-aware casualty figures from news text.

Importing the package stays light: stages and heavy optional libraries load on use.
"""

__version__ = "0.1.0"
