"""Site colours from the API, made safe for WCAG 2.1 AA text on white."""

import re

HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
FALLBACK = "#1d1d1b"
MIN_CONTRAST = 4.5


def _rgb(color: str) -> tuple[int, int, int]:
    value = HEX.match(color.strip()).group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darken(color: str, amount: float) -> str:
    return _hex(c * (1 - amount) for c in _rgb(color))


def accessible_on_white(color: str | None, minimum: float = MIN_CONTRAST) -> str:
    """The colour itself when it reaches `minimum` contrast with white, else a darker shade."""
    if not color or not HEX.match(color.strip()):
        return FALLBACK
    color = "#" + HEX.match(color.strip()).group(1).lower()
    step = 0.0
    candidate = color
    while contrast_ratio(candidate, "#ffffff") < minimum and step < 1:
        step += 0.05
        candidate = darken(color, step)
    return candidate


def css_variables(theme: dict | None) -> dict[str, str]:
    """Custom properties for the site's look; every colour is readable with white text."""
    theme = theme or {}
    primary = accessible_on_white(theme.get("primaryColor"))
    secondary = accessible_on_white(theme.get("secondaryColor"))
    return {
        "--gemeente-color-primary": primary,
        "--gemeente-color-primary-dark": darken(primary, 0.25),
        "--gemeente-color-secondary": secondary,
    }
