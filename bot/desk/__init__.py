"""The agent desk at /desk: server-rendered pages where municipal staff work the cases.

app.py mounts it (one route provider); auth.py signs staff in and out; pages.py is
the small frame every page uses (who is signed in, CSRF, errors as pages); one
module per page (queue, case_page, filing, admin, audit_log, photos); texts.py
(the desk's words, locales/{ar,en}/desk.ftl), templating.py (Jinja2, autoescaped),
casemap.py (the sub-municipality map as SVG). Every read and write goes through
storage's functions, and every case, chat or photo through storage.access.
"""
