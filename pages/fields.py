from articles.fields import SanitizedHTMLField

# What the Chefredaktion may use in legal texts: headings below the page title, emphasis, lists,
# links (also e-mail and phone). The same list drives the editor's toolbar and nh3's allow-list.
LEGAL_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
}


class LegalTextField(SanitizedHTMLField):
    """Rich text of a legal page, sanitised with nh3 on every write like an article body, with fewer tools."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", LEGAL_TEXT_EXTENSIONS)
        super().__init__(*args, **kwargs)
