"""The one ASGI web app (app.py) and the HTTP toolkit route providers use: health, metrics,
security headers and body limits, flood control."""
