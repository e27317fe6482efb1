"""The admin's "Import a document" page: upload a file or paste text, get a draft to review."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .drafts import INDEX_MODELS, import_as_draft
from .recognise import ImportedDocument
from .structure import SUPPORTED_SUFFIXES, read_text, read_upload

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportDocumentForm(forms.Form):
    file = forms.FileField(
        required=False,
        help_text=_("A Word document (.docx), markdown (.md), plain text (.txt) or HTML file, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
    )
    text = forms.CharField(
        required=False,
        label=_("Or paste the text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("One paragraph per line; headings on their own line."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload, text = data.get("file"), (data.get("text") or "").strip()
        if not upload and not text:
            self.add_error("text", _("Choose a file or paste the text of the document."))
            return data
        if upload and upload.size > MAX_UPLOAD_BYTES:
            self.add_error("file", _("The file is larger than 10 MB."))
            return data
        try:
            data["paragraphs"] = read_upload(upload.name, upload.read()) if upload else read_text(text)
        except ValueError as error:
            self.add_error("file" if upload else "text", str(error))
        if "paragraphs" in data and not data["paragraphs"]:
            self.add_error("file" if upload else "text", _("The document is empty."))
        return data


def _summary(document: ImportedDocument) -> str:
    return format_html(
        "{}<ul>{}</ul>",
        _("Draft created. Review it, then publish. Recognised:"),
        format_html_join("", "<li>{}</li>", ((line,) for line in document.recognised)),
    )


def _follow_up(document: ImportedDocument) -> str:
    return format_html(
        "{}<ul>{}</ul>",
        _("To follow up:"),
        format_html_join("", "<li>{}</li>", ((line,) for line in document.follow_up)),
    )


class ImportDocumentView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportDocumentForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.parent = get_object_or_404(Page, pk=kwargs["parent_id"]).specific
        if not isinstance(self.parent, tuple(INDEX_MODELS.values())):
            raise Http404("Documents are imported into a news or conference section only.")
        if not self.parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(_("Import a document into “%(section)s”") % {"section": self.parent.title})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            **kwargs,
            action_url=reverse("document_import:import", args=[self.parent.pk]),
            submit_button_label=_("Import as a draft"),
            submit_button_active_label=_("Importing…"),
            form_is_multipart=True,
        )

    def form_valid(self, form: ImportDocumentForm) -> HttpResponse:
        result = import_as_draft(form.cleaned_data["paragraphs"], parent=self.parent, user=self.request.user)
        messages.success(self.request, _summary(result.document))
        if result.document.follow_up:
            messages.warning(self.request, _follow_up(result.document))
        return redirect("wagtailadmin_pages:edit", result.page.pk)
