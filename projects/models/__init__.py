from .project_index_page import ProjectIndexPage
from .project_page import PartnerRole, ProjectMunicipality, ProjectPage, ProjectPartner, Scope, Status
from .sector import Sector

__all__ = [
    "PartnerRole",
    "ProjectIndexPage",
    "ProjectMunicipality",
    "ProjectPage",
    "ProjectPartner",
    "Scope",
    "Sector",
    "Status",
]
