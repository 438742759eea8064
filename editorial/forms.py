import hashlib
import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from taggit.utils import edit_string_for_tags

from articles.models import Article, Category
from images.models import Image

from . import actions, revisions
from .models import Revision
from .people import display_name


# Fields of the form whose saved value a colleague's save may have changed meanwhile (authors come in a formset).
CONFLICT_FIELDS = [
    "kicker", "title", "slug", "teaser", "body", "seo_title", "seo_description", "vgwort_pixel_url", "image",
    "primary_category", "categories", "tags", "access", "preview_paragraphs", "published_at", "expires_at",
]


# Fields whose input the conflict panel can set to the chosen side directly (plain text inputs).
TYPED_FIELDS = ["kicker", "title", "slug", "teaser", "seo_title", "seo_description", "vgwort_pixel_url"]


def digest(value):
    """A short fingerprint of a value, to tell later whether a field was typed in."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def content_value(name, value):
    """A cleaned form value in the shape a snapshot keeps it."""
    if name == "body":
        return Article._meta.get_field("body").get_prep_value(value)
    if name in ("image", "primary_category"):
        return value.pk if value is not None else None
    if name == "categories":
        return sorted(category.pk for category in value or [])
    if name == "tags":
        return sorted(value or [])
    if name in revisions.TIME_FIELDS:
        return revisions.time_value(value)
    return value


def form_value(name, value):
    """A snapshot value in the shape the form's cleaned data has it."""
    if name == "image":
        return Image.objects.filter(pk=value).first() if value else None
    if name == "primary_category":
        return Category.objects.filter(pk=value).first()
    if name == "categories":
        return Category.objects.filter(pk__in=value)
    if name in revisions.TIME_FIELDS:
        return parse_datetime(value) if value else None
    return value


class RevisionCheckMixin(forms.Form):
    """Nobody silently overwrites a colleague: a save is checked against the revision the form was opened at.

    When someone saved the article since, each field is looked at: what only
    they changed is kept, what only you changed is saved, and where both of
    you changed a field differently the form comes back with theirs and yours
    side by side (``conflicts``) and a choice per field. The submitted input
    stays in the form throughout, and the form now carries the current
    revision, so the next save applies the choices.
    """

    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    conflicting_fields = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts, self.taken_over, self.conflict_by = [], [], ""
        if self.instance.pk is not None:
            # A recovered autosave draft (editorial.admin.autosave) was typed on the revision it names.
            opened = getattr(self.instance, "opened_revision", None)
            current = actions.current_revision(self.instance)
            self.fields["opened_revision"].initial = opened or (current.pk if current else None)

    def check_revision(self, cleaned_data):
        if self.instance.pk is None:
            return
        Article.objects.select_for_update().filter(pk=self.instance.pk).exists()  # concurrent saves queue up here
        current = actions.current_revision(self.instance)
        if current is None:
            return
        fields = [name for name in CONFLICT_FIELDS if name in self.fields and name in cleaned_data]
        if cleaned_data.get("opened_revision") == current.pk:
            self.apply_choices(cleaned_data, current, fields)
            return
        opened = Revision.objects.filter(pk=cleaned_data.get("opened_revision"), article=self.instance).first()
        base = opened.content if opened else None
        theirs, conflicting = current.content, []
        for name in fields:
            yours = content_value(name, cleaned_data[name])
            if name not in theirs or yours == theirs[name] or (base is not None and theirs[name] == base.get(name)):
                continue  # nobody else changed it, or both wrote the same
            if base is not None and yours == base.get(name):
                cleaned_data[name] = form_value(name, theirs[name])  # only they changed it: keep theirs
                self.taken_over.append(name)
            else:
                conflicting.append(name)
        if not conflicting:
            return
        self.data = self.data.copy()
        for name in self.taken_over:  # the form shown again holds their values, so the next save keeps them
            self.put_in_data(name, cleaned_data[name])
        self.data[self.add_prefix("opened_revision")] = current.pk
        self.data[self.add_prefix("conflicting_fields")] = ",".join(conflicting)
        self.conflicts = self.conflict_rows(conflicting, current, cleaned_data)
        message = _("%(who)s changed this article on %(when)s while you were editing it.") % {
            "who": display_name(current.by), "when": timezone.localtime(current.at).strftime("%d.%m.%Y, %H:%M"),
        }
        message += " " + _("Changed: %(fields)s.") % {"fields": ", ".join(revisions.label(name) for name in conflicting)}
        if self.taken_over:
            message += " " + _("Kept from their version, as you had not changed it: %(fields)s.") % {
                "fields": ", ".join(revisions.label(name) for name in self.taken_over),
            }
        message += " " + _("Your input is kept. Choose for each field which version to keep, then save again.")
        raise ValidationError(message, code="edit_conflict")

    def apply_choices(self, cleaned_data, current, fields):
        """After a conflict: put theirs where the user chose it; every conflicting field needs a choice.

        A field the user typed in after the conflict was shown keeps what they
        typed last, whatever the choice says (the page puts the chosen text
        into a text field at once, so what they see is what is saved).
        """
        conflicting = [name for name in (cleaned_data.get("conflicting_fields") or "").split(",") if name in fields]
        undecided = [name for name in conflicting if self.data.get(f"resolve-{name}") not in ("theirs", "yours")]
        if undecided:
            self.conflicts = self.conflict_rows(undecided, current, cleaned_data)
            raise ValidationError(_("Please choose for each field which version to keep."), code="conflict_undecided")
        for name in conflicting:
            untouched = self.data.get(f"conflict-yours-{name}") == digest(content_value(name, cleaned_data[name]))
            if untouched and self.data.get(f"resolve-{name}") == "theirs":
                cleaned_data[name] = form_value(name, current.content.get(name))
        self.data = self.data.copy()
        self.data[self.add_prefix("conflicting_fields")] = ""

    def put_in_data(self, name, value):
        """Set a field's submitted data to ``value`` (a cleaned value), as its widget would post it."""
        key = self.add_prefix(name)
        if name == "categories":
            self.data.setlist(key, [str(category.pk) for category in value])
        elif name == "tags":
            self.data[key] = edit_string_for_tags(Tag(name=tag) for tag in value)
        elif name in revisions.TIME_FIELDS:
            local = timezone.localtime(value) if value else None
            self.data[f"{key}_0"] = formats.localize_input(local.date()) if local else ""
            self.data[f"{key}_1"] = formats.localize_input(local.time()) if local else ""
        elif name in ("image", "primary_category"):
            self.data[key] = str(value.pk) if value is not None else ""
        else:
            self.data[key] = "" if value is None else str(value)

    def conflict_rows(self, names, current, cleaned_data):
        """Theirs and yours per field, with what the page needs to switch a text field to the chosen side."""
        self.conflict_by = display_name(current.by)
        yours = {name: content_value(name, cleaned_data[name]) for name in names}
        rows = revisions.compare(current.content, yours, fields=names)
        for row in rows:
            name = row["name"]
            row["yours_digest"] = digest(yours[name])
            if name in TYPED_FIELDS:
                row["theirs_value"], row["yours_value"] = current.content.get(name) or "", yours[name] or ""
        return rows


class ArticleAdminForm(RevisionCheckMixin, forms.ModelForm):
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
        primary = cleaned_data.get("primary_category")
        categories = cleaned_data.get("categories")
        if primary is not None and categories is not None and primary not in categories:
            cleaned_data["categories"] = categories | Category.objects.filter(pk=primary.pk)
        self.check_revision(cleaned_data)
        return cleaned_data

    def model_changes(self):
        """The article's own fields this form changed, by name, as set on the instance."""
        fields = {field.name for field in Article._meta.concrete_fields}
        return {name: getattr(self.instance, name) for name in self.changed_data if name in fields}
