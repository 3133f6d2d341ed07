from .pages import ProjectIndexPage, ProjectMilestone, ProjectPage, ProjectStatus
from .programme import ServiceCatalogPage, SmartCityNewsLink, SmartCityProgrammePage
from .services import AdministrativeService, OnlineStatus, OzgTopicArea, ResponsibleLevel
from .snippets import FundingProgramme, Organisation

__all__ = [
    "AdministrativeService",
    "FundingProgramme",
    "OnlineStatus",
    "Organisation",
    "OzgTopicArea",
    "ProjectIndexPage",
    "ProjectMilestone",
    "ProjectPage",
    "ProjectStatus",
    "ResponsibleLevel",
    "ServiceCatalogPage",
    "SmartCityNewsLink",
    "SmartCityProgrammePage",
]
