from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category

from .people import display_name


CONFLICT_FIELDS = [*Article.CORRECTABLE_FIELDS, "slug", "status", "published_at", "expires_at", "primary_category_id"]


class VersionCheckMixin(forms.Form):
    """Refuses to save over changes someone else saved since this form was opened.

    The form carries the version it was opened with. On a conflict the
    submitted input stays in the form, the message names who changed what and
    when, and the form now carries the current version, so saving again
    (after merging) is a deliberate decision.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.version

    def check_version(self):
        if self.instance.pk is None:
            return
        opened = self.cleaned_data.get("opened_version")
        opened = -1 if opened is None else opened  # a form without its version is treated as stale
        current = Article.objects.select_for_update().filter(pk=self.instance.pk).values_list("version", flat=True).first()
        if current is None or current == opened:
            return
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = current
        latest = Article.history.filter(id=self.instance.pk).order_by("-history_date").first()
        seen = Article.history.filter(id=self.instance.pk, version=opened).order_by("-history_date").first()
        changed = []
        if seen is not None and latest is not None:
            changed = [
                str(Article._meta.get_field(name).verbose_name)
                for name in CONFLICT_FIELDS
                if getattr(seen, name) != getattr(latest, name)
            ]
        user = latest.history_user if latest else None
        who = display_name(user)
        when = timezone.localtime(latest.history_date).strftime("%d.%m.%Y, %H:%M") if latest else "?"
        message = _("%(who)s changed this article on %(when)s while you were editing it.") % {"who": who, "when": when}
        if changed:
            message += " " + _("Changed: %(fields)s.") % {"fields": ", ".join(changed)}
        message += " " + _("Your input is kept below. Compare it with the current version, then save again.")
        raise ValidationError(message, code="edit_conflict")


class ArticleAdminForm(VersionCheckMixin, forms.ModelForm):
    workflow_comment = forms.CharField(
        label=_("comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Goes with the workflow button you press, e.g. what the author should change."),
    )

    class Meta:
        model = Article
        fields = []  # the admin passes its fieldsets' fields (with HTTPS_URLS) when it builds the form
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def clean(self):
        """Make sure the primary category is always one of the article's categories."""
        cleaned_data = super().clean()
        self.check_version()
        primary = cleaned_data.get("primary_category")
        categories = cleaned_data.get("categories")
        if primary is not None and categories is not None and primary not in categories:
            cleaned_data["categories"] = categories | Category.objects.filter(pk=primary.pk)
        return cleaned_data

    def relations_changed(self):
        """Whether categories or tags differ from the saved article."""
        return bool({"categories", "tags"} & set(self.changed_data))

    def model_changes(self):
        """The article's own fields this form changed, by name, as set on the instance."""
        fields = {field.name for field in Article._meta.concrete_fields}
        return {name: getattr(self.instance, name) for name in self.changed_data if name in fields}
