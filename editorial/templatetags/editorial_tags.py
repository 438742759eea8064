from datetime import datetime, time, timedelta

from django import template
from django.utils import timezone

from articles.models import Article
from editorial.models import ArticleInReview, Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_counts(context):
    """What waits on the desk: in review, scheduled for today, returned for changes."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return None
    now = timezone.localtime()
    end_of_today = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time.min))
    returned = Article.objects.filter(status=Article.Status.RETURNED)
    if not user.has_perm("articles.edit_any_article"):
        returned = returned.owned_by(user)
    return {
        "in_review": ArticleInReview.objects.awaiting_review().count(),
        "scheduled_today": Article.objects.scheduled(now).filter(published_at__lt=end_of_today).count(),
        "returned": returned.count(),
    }


@register.simple_tag(takes_context=True)
def desk_inbox(context, limit=8):
    """The newest unread notifications of the logged-in staff member, and how many there are."""
    unread = Notification.objects.filter(recipient=context["request"].user, read_at=None)
    return {"items": list(unread.select_related("article", "actor")[:limit]), "count": unread.count()}
