from frontend_sites.theme import accessible_on_white, contrast_ratio, css_variables


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


def test_a_dark_enough_colour_is_kept():
    assert accessible_on_white("#9b1b30") == "#9b1b30"


def test_a_light_colour_is_darkened_until_white_text_is_readable():
    colour = accessible_on_white("#ffcc00")
    assert colour != "#ffcc00"
    assert contrast_ratio(colour, "#ffffff") >= 4.5


def test_a_missing_or_malformed_colour_falls_back_to_near_black():
    assert accessible_on_white(None) == "#1d1d1b"
    assert accessible_on_white("red; background: url(x)") == "#1d1d1b"


def test_css_variables_are_all_readable_on_white():
    for value in css_variables({"primaryColor": "#a0d8ef", "secondaryColor": "#eeeeee"}).values():
        assert contrast_ratio(value, "#ffffff") >= 4.5
