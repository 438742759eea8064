from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """Render the 500 page from the template alone: no context processors, no database."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site_name": settings.SITE_NAME}))
