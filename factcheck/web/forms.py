"""Browser forms: parse and type-check what the user typed; the services decide the rest."""

from __future__ import annotations

import secrets

import django_filters
from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _

from factcheck.accounts.models import Role, User
from factcheck.articles.language import Language
from factcheck.articles.models import Article
from factcheck.articles.selectors import article_search
from factcheck.claims.models import ClaimStatus, ClaimType, Priority, Verdict
from factcheck.claims.ratings import rating_label
from factcheck.claims.selectors import CLAIM_SORTS, ClaimQuery
from factcheck.claims.suggest.numbers import find_quantities


def reviewer_choices_qs():
    return User.objects.filter(is_active=True, role__in=[Role.REVIEWER, Role.EDITOR, Role.ADMIN]).order_by(
        "first_name", "last_name", "username"
    )


class ReviewerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.get_role_display().lower()})"


class DateInput(forms.DateInput):
    """An HTML date input; it only accepts ISO dates, whatever the site's locale."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _count_characters(field: forms.Field) -> int:
    """Wire a text field to the live character count of static/js/app.js (limit: ARTICLE_MAX_CHARS)."""
    limit = settings.ARTICLE_MAX_CHARS
    field.widget.attrs.update({"data-max-chars": limit, "aria-describedby": "text-count"})
    at_most = gettext("At most %(limit)s characters.") % {"limit": formats.number_format(limit, force_grouping=True)}
    field.help_text = (str(field.help_text) + " " if field.help_text else "") + at_most
    return limit


# Left empty, the service detects the language from the text (articles.language.detect_language).
DETECT_LANGUAGE = [("", _("Detect from the text"))]


class ArticleForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, widget=forms.TextInput(attrs={"dir": "auto"}))
    text = forms.CharField(label=gettext_lazy("Text"),
        # dir="auto": a pasted Arabic or Hebrew text reads right to left while it is typed or pasted.
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false", "dir": "auto"}),
        strip=False,
        help_text=gettext_lazy("Paste the article's text. Formatting is dropped; paragraphs are kept."),
    )
    url = forms.URLField(label=gettext_lazy("Article URL"), required=False, max_length=2000, assume_scheme="https")
    outlet = forms.CharField(label=gettext_lazy("Outlet"), required=False, max_length=200)
    author = forms.CharField(label=gettext_lazy("Author"), required=False, max_length=200)
    published_at = forms.DateField(label=gettext_lazy("Publication date"), required=False, widget=DateInput)
    language = forms.ChoiceField(label=_("Language of the text"), required=False,
                                 choices=DETECT_LANGUAGE + Language.choices)
    # One-time token of this page's form: the service refuses a second send of it (Back, Save again).
    form_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", secrets.token_urlsafe(18))
        # The limit is the service's; the browser only counts. No maxlength: a textarea with one
        # silently cuts a longer paste mid-word, and the article would be saved short.
        self.max_chars = _count_characters(self.fields["text"])

    def clean_text(self) -> str:
        # Length and emptiness are the service's rules (clean_article_text); no duplicate here.
        return self.cleaned_data["text"]


class ArticleDetailsForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, widget=forms.TextInput(attrs={"dir": "auto"}))
    outlet = forms.CharField(label=gettext_lazy("Outlet"), required=False, max_length=200)
    author = forms.CharField(label=gettext_lazy("Author"), required=False, max_length=200)
    published_at = forms.DateField(label=gettext_lazy("Publication date"), required=False, widget=DateInput)
    url = forms.URLField(label=gettext_lazy("Article URL"), required=False, max_length=2000, assume_scheme="https")
    # Not required: a form without it (a page loaded before the field existed) keeps the language.
    language = forms.ChoiceField(label=_("Language of the text"), choices=Language.choices, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ArticleTextForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false",
        "dir": "auto"}), strip=False)
    note = forms.CharField(label=gettext_lazy("What changed (optional)"), required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_chars = _count_characters(self.fields["text"])


class ClaimCreateForm(forms.Form):
    quote = forms.CharField(
        label=gettext_lazy("Passage"),
        widget=forms.Textarea(attrs={"rows": 3}),
        strip=False,
        required=False,
        help_text=gettext_lazy("Select text in the article, or type the exact passage."),
    )
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    text = forms.CharField(label=gettext_lazy("Wording (optional)"), required=False, max_length=5000)


class ClaimEditForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Wording"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    types = forms.MultipleChoiceField(label=gettext_lazy("Types"), choices=ClaimType.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    attributed_to = forms.CharField(label=gettext_lazy("Attributed to"), required=False, max_length=300)
    figures = forms.CharField(label=gettext_lazy("Figures, one per line"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_figures(self) -> list[dict] | None:
        """Each line is one figure as written; the suggestion engine's number reader normalises it.

        Absent from the POST (an older page), the figures are left as they are (None).
        """
        if "figures" not in self.data:
            return None
        figures = []
        for line in (self.cleaned_data.get("figures") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            found = find_quantities(line)
            if not found:
                raise forms.ValidationError(gettext("No figure found in “%(line)s”; write it as in the text, e.g. “350 jobs”.")
                                            % {"line": line[:60]})
            figures.extend(q.to_dict() for q in found)
        return figures


class SplitForm(forms.Form):
    before = forms.CharField(label=gettext_lazy("Second part starts with"), max_length=5000, strip=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ClaimIdsForm(forms.Form):
    claim_ids = forms.TypedMultipleChoiceField(coerce=int, choices=(),
        error_messages={"required": gettext_lazy("Select claims first.")})

    def __init__(self, *args, claim_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claim_ids"].choices = [(c, c) for c in claim_choices]


class MergeForm(ClaimIdsForm):
    text = forms.CharField(label=gettext_lazy("Merged wording (optional)"), required=False, max_length=5000)


PAST_DUE_CONFIRM = gettext_lazy("Yes, assign with this past due date")


class AssignFields(forms.Form):
    reviewer = ReviewerField(label=gettext_lazy("Reviewer"), queryset=User.objects.none(),
        empty_label=gettext_lazy("Choose a reviewer"))
    due = forms.DateField(label=gettext_lazy("Due date"), required=False, widget=DateInput)
    priority = forms.TypedChoiceField(label=gettext_lazy("Priority"), choices=Priority.choices, coerce=int,
        initial=Priority.NORMAL)
    # Shown only once a past date was refused: the second submit, with the box ticked, confirms it.
    confirm_past_due = forms.BooleanField(label=PAST_DUE_CONFIRM, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewer_choices_qs()
        self.past_due = False

    def clean(self) -> dict:
        data = super().clean()
        due = data.get("due")
        # A past due date is usually a slip of the date picker (last year, last month);
        # it makes the claim overdue at once, so the editor confirms it on purpose.
        if due and due < timezone.localdate() and not data.get("confirm_past_due"):
            self.past_due = True
            self.add_error("due", gettext("%(due)s is in the past, so the claim would be overdue at once. "
                                          "Tick “%(confirm)s” and assign again, or pick another date.")
                           % {"due": formats.date_format(due, "j M Y"), "confirm": PAST_DUE_CONFIRM})
        return data


class BulkAssignForm(AssignFields, ClaimIdsForm):
    pass


class AssignForm(AssignFields):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SecondReviewForm(forms.Form):
    reviewer = ReviewerField(queryset=User.objects.none(), label=gettext_lazy("Second reviewer"),
        empty_label=gettext_lazy("Choose a reviewer"))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewer_choices_qs()


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(label=gettext_lazy("Verdict"), choices=Verdict.choices, widget=forms.RadioSelect)
    rating = forms.ChoiceField(required=False, label=gettext_lazy("Rating (optional)"))
    rationale = forms.CharField(label=gettext_lazy("Rationale"), widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        max_length=20000)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [("", gettext("No rating")), *((r, rating_label(r)) for r in settings.RATING_SCALE)]


class VersionForm(forms.Form):
    """A state change sends the version the page showed, so a change made since is refused, not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RejectForm(forms.Form):
    """Rejecting sends a reason only from the claim page's "Take out of the check" (a reviewer has it)."""

    reason = forms.CharField(label=gettext_lazy("Why it leaves the check (its reviewer is told)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}), max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ConfirmVerdictForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Why the verdict still holds"),
                           widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}), max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class CommentForm(forms.Form):
    body = forms.CharField(label=gettext_lazy("Comment"), widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=10000)


PLACE_SELECT_FIRST = gettext_lazy("Select the claim's passage in the article text first.")


class ReanchorForm(forms.Form):
    start = forms.IntegerField(min_value=0, error_messages={"required": PLACE_SELECT_FIRST})
    end = forms.IntegerField(min_value=0, error_messages={"required": PLACE_SELECT_FIRST})
    version = forms.IntegerField(widget=forms.HiddenInput)


class ArticleFilter(django_filters.FilterSet):
    """Search and filters of the article list; progress counts come from articles_with_progress."""

    q = django_filters.CharFilter(label=gettext_lazy("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=[("in_progress", gettext_lazy("In progress")), ("done",
            gettext_lazy("Done"))], method="by_status",
        empty_label=gettext_lazy("Any status"),
    )
    outlet = django_filters.ChoiceFilter(label=gettext_lazy("Outlet"), empty_label=gettext_lazy("Any outlet"))
    published_after = django_filters.DateFilter(
        label=gettext_lazy("Published from"), field_name="published_at", lookup_expr="gte", widget=DateInput
    )
    published_before = django_filters.DateFilter(
        label=gettext_lazy("Published until"), field_name="published_at", lookup_expr="lte", widget=DateInput
    )

    class Meta:
        model = Article
        fields = ["q", "status", "outlet", "published_after", "published_before"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outlets = Article.objects.exclude(outlet="").values_list("outlet", flat=True).distinct().order_by("outlet")
        self.filters["outlet"].extra["choices"] = [(o, o) for o in outlets]

    def search(self, queryset, name, value):
        return article_search(queryset, value)

    def by_status(self, queryset, name, value):
        # "Done": something counted and all of it resolved; the summary row says so in one column.
        if value == "done":
            return queryset.filter(claims_in_progress=False)
        if value == "in_progress":
            return queryset.filter(claims_in_progress=True)
        return queryset


STATUS_FILTER_CHOICES = [("", gettext_lazy("Any status")), *ClaimStatus.choices, ("orphaned", gettext_lazy("Orphaned"))]
TYPE_FILTER_CHOICES = [("", gettext_lazy("Any type")), *ClaimType.choices]


class ClaimListForm(forms.Form):
    """The all-claims page's filters (GET); names match the API's query parameters where it has them."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("Any status (not rejected)")), *ClaimStatus.choices])
    verdict = forms.ChoiceField(label=gettext_lazy("Verdict"), required=False, choices=[("", gettext_lazy("Any verdict")),
        *Verdict.choices])
    type = forms.ChoiceField(label=gettext_lazy("Type"), required=False, choices=TYPE_FILTER_CHOICES)
    assignee = forms.ChoiceField(label=gettext_lazy("Reviewer"), required=False)
    overdue = forms.ChoiceField(label=gettext_lazy("Overdue"), required=False,
                                choices=[("", gettext_lazy("Overdue or not")), ("true", gettext_lazy("Overdue only")),
                                    ("false", gettext_lazy("Not overdue"))])
    due_after = forms.DateField(label=gettext_lazy("Due from"), required=False, widget=DateInput)
    due_before = forms.DateField(label=gettext_lazy("Due until"), required=False, widget=DateInput)
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = reviewer_choices_qs().values_list("username", "first_name", "last_name")
        self.fields["assignee"].choices = [("", gettext("Anyone")), ("none", gettext("Unassigned")), *(
            (u, f"{f} {la}".strip() or u) for u, f, la in people)]
        self.fields["sort"].choices = [(k, label) for k, (label, _) in CLAIM_SORTS.items()]

    def query(self):
        d = self.cleaned_data if self.is_valid() else {}
        overdue = {"true": True, "false": False}.get(d.get("overdue") or "")
        return ClaimQuery(
            status=d.get("status") or "", verdict=d.get("verdict") or "", type=d.get("type") or "",
            assignee=d.get("assignee") or "", overdue=overdue, due_from=d.get("due_after"),
            due_to=d.get("due_before"), q=d.get("q") or "", sort=d.get("sort") or "due",
        )
