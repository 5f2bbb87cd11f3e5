from home.models import HomePage, StandardPage

from .base import intro_page_factory

HomePageFactory = intro_page_factory(HomePage, "Portale")
StandardPageFactory = intro_page_factory(StandardPage, "Pagina")
