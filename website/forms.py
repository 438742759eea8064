from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Author, Category


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=10_000)
    rubrik = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), to_field_name="slug", required=False, empty_label=_("All categories")
    )
    autor = forms.ModelChoiceField(
        label=_("Author"), queryset=Author.objects.all(), to_field_name="slug", required=False, empty_label=_("All authors")
    )
    von = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    bis = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("von") and cleaned_data.get("bis") and cleaned_data["von"] > cleaned_data["bis"]:
            self.add_error("bis", _("This date lies before the “from” date."))
        return cleaned_data

    def filter(self, queryset):
        """Apply the valid filters; invalid ones are reported by the form and ignored."""
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        if data.get("rubrik"):
            queryset = queryset.filter(categories=data["rubrik"])
        if data.get("autor"):
            queryset = queryset.filter(authors=data["autor"])
        if data.get("von"):
            queryset = queryset.filter(published_at__date__gte=data["von"])
        if data.get("bis"):
            queryset = queryset.filter(published_at__date__lte=data["bis"])
        return queryset
