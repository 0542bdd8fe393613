"""The stand-ins check every request against the official OpenAPI document, so they cannot
pass everything: an invalid request is refused."""

import httpx

VALID_OBJECT = {
    "type": "http://objecttypes.example.nl/api/v2/objecttypes/5b9f0a3c-0000-4000-8000-000000000001",
    "record": {"typeVersion": 1, "startAt": "2026-12-04", "data": {"vraag": "Hoe vraag ik een paspoort aan?"}},
}


def test_the_objects_api_stand_in_accepts_a_valid_object_and_refuses_an_invalid_one(objects_api):
    headers = {"Authorization": "Token geheim", "Content-Crs": "EPSG:4326"}
    created = httpx.post(f"{objects_api.url}/objects", json=VALID_OBJECT, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["url"].startswith(objects_api.url)

    wrong = {"type": "geen adres", "record": {"typeVersion": "een", "startAt": "gisteren"}}
    refused = httpx.post(f"{objects_api.url}/objects", json=wrong, headers=headers)
    assert refused.status_code == 400
    assert len(objects_api.refused) == 1 and len(objects_api.accepted) == 1


def test_the_sdg_stand_in_refuses_a_product_without_its_required_fields(sdg_api):
    refused = httpx.post(
        f"{sdg_api.url}/api/v1/producten", json={"doelgroep": "eu-burger"}, headers={"Authorization": "Token x"}
    )
    assert refused.status_code == 400
    assert sdg_api.refused and not sdg_api.accepted


def test_a_stand_in_can_fail_and_go_away(objects_api):
    headers = {"Authorization": "Token geheim", "Content-Crs": "EPSG:4326"}
    objects_api.fail_next(500)
    assert httpx.post(f"{objects_api.url}/objects", json=VALID_OBJECT, headers=headers).status_code == 500
    objects_api.stop()
    try:
        httpx.post(f"{objects_api.url}/objects", json=VALID_OBJECT, headers=headers, timeout=2)
    except httpx.ConnectError:
        pass
    else:
        raise AssertionError("the stopped stand-in still answered")
