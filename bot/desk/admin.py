"""Accounts and teams (/desk/admin, admins only): every change is an audit event.

GET  /desk/admin                              agents and teams
POST /desk/admin/agents                       create an account (strength-checked password)
POST /desk/admin/agents/<username>            change role, team, desk language, name
POST /desk/admin/agents/<username>/disable    no more signing in; every session ends
POST /desk/admin/agents/<username>/enable
POST /desk/admin/agents/<username>/password   a new password; every session ends
POST /desk/admin/agents/<username>/unlock     lift a lockout
POST /desk/admin/teams                        create a team
POST /desk/admin/teams/<slug>                 names and chat languages
POST /desk/admin/teams/<slug>/active          deactivate or reactivate

An admin cannot disable or demote their own account here (the command line
can), so a desk never locks out its last admin by a slip.
"""

from __future__ import annotations

from starlette.responses import Response

from bot.desk.pages import ADMINS, Endpoint, Page, Refused
from bot.desk.texts import DESK_LANGUAGES
from storage import service as store
from storage.errors import AgentNotFound
from storage.models import ROLES, Agent, Team


def overview(page: Page) -> Response:
    return page.render(
        "admin.html",
        agents=store.list_agents(page.session, include_disabled=True),
        teams=store.list_teams(page.session, include_inactive=True),
        roles=ROLES,
        desk_languages=DESK_LANGUAGES,
        languages=page.desk.settings.languages,
        now=page.now,
    )


def _agent(page: Page) -> Agent:
    try:
        return store.require_agent(page.session, username=page.path("username", 64))
    except AgentNotFound:
        raise Refused(404, "error-not-found") from None


def _team(page: Page) -> Team:
    return store.require_team(page.session, slug=page.path("slug", 64))


def _back() -> str:
    return "/desk/admin"


def _role_team(page: Page) -> tuple[str, str | None]:
    role = page.field("role", required=True, max_chars=16) or ""
    if role not in ROLES:
        raise Refused(400, "error-unknown-value", what="role", value=role[:16])
    return role, page.field("team", max_chars=64)


def create_agent(page: Page) -> Response:
    role, team = _role_team(page)
    lang = page.field("desk_language", max_chars=2) or "ar"
    agent = store.create_agent(
        page.session,
        username=page.field("username", required=True, max_chars=32) or "",
        display_name=page.field("display_name", required=True, max_chars=200) or "",
        password=page.field("password", required=True, max_chars=128) or "",
        role=role,
        team=team,
        desk_language=lang,
        now=page.now,
    )
    page.audit("agent.create", object_type="agent", object_id=agent.id, role=role, team=team)
    return page.redirect(_back())


def change_agent(page: Page) -> Response:
    agent = _agent(page)
    role, team = _role_team(page)
    if agent.id == page.agent.id and role != agent.role:
        raise Refused(409, "error-own-account")
    changes = store.change_agent(
        page.session,
        agent=agent,
        role=role,
        team=team,
        desk_language=page.field("desk_language", required=True, max_chars=2) or "",
        display_name=page.field("display_name", required=True, max_chars=200) or "",
    )
    if changes:
        detail = {
            k: [str(old), str(new)] for k, (old, new) in changes.items() if k != "display_name"
        }
        page.audit(
            "agent.change", object_type="agent", object_id=agent.id,
            fields=",".join(sorted(changes)), **{f"{k}_after": v[1] for k, v in detail.items()},
        )  # fmt: skip
    return page.redirect(_back())


def disable(page: Page) -> Response:
    agent = _agent(page)
    if agent.id == page.agent.id:
        raise Refused(409, "error-own-account")
    ended = store.disable_agent(page.session, agent=agent, now=page.now)
    page.audit("agent.disable", object_type="agent", object_id=agent.id, sessions_ended=ended)
    return page.redirect(_back())


def enable(page: Page) -> Response:
    agent = _agent(page)
    store.enable_agent(page.session, agent=agent)
    page.audit("agent.enable", object_type="agent", object_id=agent.id)
    return page.redirect(_back())


def reset(page: Page) -> Response:
    agent = _agent(page)
    password = page.field("password", required=True, max_chars=128) or ""
    ended = store.reset_password(page.session, agent=agent, password=password, now=page.now)
    page.audit(
        "agent.reset_password", object_type="agent", object_id=agent.id, sessions_ended=ended
    )
    if agent.id == page.agent.id:
        return page.redirect("/desk/login")  # their own session ended with the others
    return page.redirect(_back())


def unlock(page: Page) -> Response:
    agent = _agent(page)
    store.unlock_agent(page.session, agent=agent)
    page.audit("agent.unlock", object_type="agent", object_id=agent.id)
    return page.redirect(_back())


def _names(page: Page) -> dict[str, str]:
    names = {lang: page.field(f"name_{lang}", max_chars=200) for lang in DESK_LANGUAGES}
    return {lang: name for lang, name in names.items() if name}


def _languages(page: Page) -> list[str]:
    wanted = [v for v in page.form.getlist("languages") if isinstance(v, str)]
    for code in wanted:
        if code not in page.desk.settings.languages:
            raise Refused(400, "error-unknown-value", what="language", value=code[:8])
    return wanted


def create_team(page: Page) -> Response:
    slug = page.field("slug", required=True, max_chars=64) or ""
    team = store.create_team(
        page.session, slug=slug, names=_names(page), languages=_languages(page), now=page.now
    )
    page.audit("team.create", object_type="team", object_id=team.slug)
    return page.redirect(_back())


def change_team(page: Page) -> Response:
    team = _team(page)
    if store.update_team(
        page.session, team=team, names=_names(page), languages=_languages(page), now=page.now
    ):
        page.audit("team.change", object_type="team", object_id=team.slug)
    return page.redirect(_back())


def set_active(page: Page) -> Response:
    team = _team(page)
    active = page.field("active", required=True, max_chars=3)
    if active not in ("yes", "no"):
        raise Refused(400, "error-unknown-value", what="active", value=str(active))
    if active == "yes":
        store.reactivate_team(page.session, team=team, now=page.now)
    else:
        store.deactivate_team(page.session, team=team, now=page.now)
    page.audit("team.activate" if active == "yes" else "team.deactivate", object_type="team",
               object_id=team.slug)  # fmt: skip
    return page.redirect(_back())


def _post(path: str, handler: object) -> Endpoint:
    return Endpoint(path, handler, methods=("POST",), roles=ADMINS)  # type: ignore[arg-type]


ENDPOINTS = (
    Endpoint("/desk/admin", overview, roles=ADMINS, name="desk_admin"),
    _post("/desk/admin/agents", create_agent),
    _post("/desk/admin/agents/{username}", change_agent),
    _post("/desk/admin/agents/{username}/disable", disable),
    _post("/desk/admin/agents/{username}/enable", enable),
    _post("/desk/admin/agents/{username}/password", reset),
    _post("/desk/admin/agents/{username}/unlock", unlock),
    _post("/desk/admin/teams", create_team),
    _post("/desk/admin/teams/{slug}", change_team),
    _post("/desk/admin/teams/{slug}/active", set_active),
)
