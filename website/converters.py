class UnicodeSlugConverter:
    """Slugs with letters beyond ASCII, as taggit makes them ("künstliche-intelligenz"); nothing else."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
