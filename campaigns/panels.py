from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser

from .blocks import installed_page_models


class OptionalPageChooserPanel(PageChooserPanel):
    """A page chooser panel whose page types are named by label and may not exist yet in this install."""

    def get_form_options(self):
        opts = FieldPanel.get_form_options(self)
        widgets = opts.setdefault("widgets", {})
        widgets[self.field_name] = AdminPageChooser(target_models=installed_page_models(self.page_type or []) or None)
        return opts
