// The only Bootstrap Italia behaviour the public pages need: the collapsible main menu on small
// screens (focus trap, Escape to close, backdrop). Bundled alone instead of the 1 MB full bundle;
// importing the plugin registers its click handler on [data-bs-toggle="navbarcollapsible"].
import NavBarCollapsible from "bootstrap-italia/src/js/plugins/navbar-collapsible.js";

window.NavBarCollapsible = NavBarCollapsible;
