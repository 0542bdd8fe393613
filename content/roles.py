"""Editor roles: the groups a gemeente's staff belong to and what each group may do.

One home for the rule. A data migration applies it to an existing database, a post_migrate
handler keeps it true on every migrate, and a site's own editors' group is made when the site
gets its key (``Redacteuren <key>``). Every function takes an app registry, so the same code
runs in a migration (historical models) and at run time (``django.apps.apps``).
See docs/roles.md.
"""

WEB_EDITORS = "Webredacteuren"
FINAL_EDITORS = "Eindredacteuren"
KCC_STAFF = "KCC-medewerkers"
SITE_EDITORS_PREFIX = "Redacteuren "
EDITORIAL_WORKFLOW = "Eindredactie"
EDITORIAL_TASK = "Eindredactie (B1)"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
INTERNAL_CONTENT = ("content", "view_internal_content")

# Keywords and fragments: every editor may pick and write them; final editors also remove and
# publish them, and keep the B1 word lists. Teams (the owners of pages): every editor sees and
# picks them; final editors keep the list.
_EDITOR_SNIPPETS = [
    ("content", "view_keyword"),
    ("content", "add_keyword"),
    ("content", "change_keyword"),
    ("content", "view_fragment"),
    ("content", "add_fragment"),
    ("content", "change_fragment"),
    ("content", "view_team"),
    ("quality", "view_glossaryterm"),
    ("quality", "view_allowedword"),
    ("simple_translation", "submit_translation"),
]
_FINAL_EDITOR_EXTRA = [
    ("content", "delete_keyword"),
    ("content", "delete_fragment"),
    ("content", "publish_fragment"),
    ("content", "add_team"),
    ("content", "change_team"),
    ("content", "delete_team"),
    ("quality", "add_glossaryterm"),
    ("quality", "change_glossaryterm"),
    ("quality", "delete_glossaryterm"),
    ("quality", "add_allowedword"),
    ("quality", "change_allowedword"),
    ("quality", "delete_allowedword"),
    ("search", "view_searchquerylog"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
# The municipal thesaurus (docs/search.md): every editor may add a resident's words from the
# newsroom or the search report; final editors keep the list.
_THESAURUS_ADDING = [("search", "view_thesaurusentry"), ("search", "add_thesaurusentry")]
_THESAURUS_KEEPING = [("search", "change_thesaurusentry"), ("search", "delete_thesaurusentry")]
# Feedback from residents and KCC on pages (docs/feedback.md): editors handle it (for the pages
# they may edit); KCC staff only send it, through the API.
_FEEDBACK_HANDLING = [("feedback", "view_feedback"), ("feedback", "change_feedback")]
_FEEDBACK_SENDING = [("feedback", "add_feedback")]
_SITE_EDITOR_SNIPPETS = [
    ("content", "view_keyword"),
    ("content", "view_fragment"),
    ("content", "add_fragment"),
    ("content", "change_fragment"),
    ("content", "view_team"),
    ("quality", "view_glossaryterm"),
    ("quality", "view_allowedword"),
]

# The audit trail ("Logboek", docs/security.md): final editors see its content actions
# (publications, workflow decisions, B1 overrides, deliveries); sign-ins only superusers.
_AUDIT_TRAIL = [("wagtailcore", "view_modellogentry")]

MODEL_PERMISSIONS = {
    WEB_EDITORS: [ADMIN_ACCESS, INTERNAL_CONTENT, *_EDITOR_SNIPPETS, *_FEEDBACK_HANDLING, *_THESAURUS_ADDING],
    FINAL_EDITORS: [
        ADMIN_ACCESS,
        INTERNAL_CONTENT,
        *_EDITOR_SNIPPETS,
        *_FINAL_EDITOR_EXTRA,
        *_FEEDBACK_HANDLING,
        *_THESAURUS_ADDING,
        *_THESAURUS_KEEPING,
        *_AUDIT_TRAIL,
    ],
    KCC_STAFF: [ADMIN_ACCESS, INTERNAL_CONTENT, *_FEEDBACK_SENDING],
}
SITE_EDITOR_PERMISSIONS = [ADMIN_ACCESS, *_SITE_EDITOR_SNIPPETS, *_FEEDBACK_HANDLING]

# Page permissions on the whole tree (base groups) or on one site's home page (site editors).
PAGE_PERMISSIONS = {
    WEB_EDITORS: ["add_page", "change_page"],
    FINAL_EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    KCC_STAFF: [],
}
SITE_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Images and documents in the root collection: upload and choose; final editors also change.
_MEDIA_USE = ["add_image", "choose_image", "add_document", "choose_document"]
COLLECTION_PERMISSIONS = {
    WEB_EDITORS: _MEDIA_USE,
    FINAL_EDITORS: [*_MEDIA_USE, "change_image", "change_document"],
    KCC_STAFF: [],
}
SITE_EDITOR_COLLECTION_PERMISSIONS = _MEDIA_USE


def site_editors_group_name(key: str) -> str:
    return f"{SITE_EDITORS_PREFIX}{key}"


def ensure_permissions_exist(apps) -> None:
    """Django creates permissions after migrating; a data migration that grants them must
    create them first (on a fresh database none exist yet)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips an app without a models module; historical app configs
        # (AppConfigStub) have none, so lend them one for the call.
        had_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = had_module


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def _page_permissions(apps, codenames):
    return _permissions(apps, [("wagtailcore", codename) for codename in codenames])


def _media_permissions(apps, codenames):
    apps_for = {"image": "wagtailimages", "document": "wagtaildocs"}
    return _permissions(apps, [(apps_for[c.split("_", 1)[1]], c) for c in codenames])


def _grant(apps, group, model_pairs, page, page_codenames, collection_codenames) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    group.permissions.add(*_permissions(apps, model_pairs))
    if page is not None:
        for permission in _page_permissions(apps, page_codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in _media_permissions(apps, collection_codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def apply_base_roles(apps) -> None:
    """Create the base groups and give each its permissions. Adds, never removes: a gemeente
    may have given a group more."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    for name, pairs in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        _grant(apps, group, pairs, root, PAGE_PERMISSIONS[name], COLLECTION_PERMISSIONS[name])
    if root is not None:
        ensure_final_editing(apps, root, Group.objects.get(name=FINAL_EDITORS))


def ensure_final_editing(apps, root, final_editors) -> None:
    """The "Eindredactie" workflow on the whole tree, approved by the final editors. Made only
    when there is no workflow of that name (a gemeente may change its own); it replaces
    Wagtail's untouched default ("Moderators approval") on the root page, which sent every
    editor's page to a group nobody is in."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = Workflow.objects.filter(name=EDITORIAL_WORKFLOW).first()
    if workflow is None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        EindredactieTask = apps.get_model("content", "EindredactieTask")
        task_type, _ = ContentType.objects.get_or_create(app_label="content", model="eindredactietask")
        task, _ = EindredactieTask.objects.get_or_create(
            name=EDITORIAL_TASK, defaults={"content_type": task_type, "active": True}
        )
        task.groups.add(final_editors)
        workflow = Workflow.objects.create(name=EDITORIAL_WORKFLOW, active=True)
        apps.get_model("wagtailcore", "WorkflowTask").objects.create(workflow=workflow, task=task, sort_order=0)
    on_root = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if on_root is None or on_root.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def apply_site_editor_role(apps, key: str, home_page_id: int):
    """The editors' group of one site: pages of that site's tree only. Page permissions on
    any other page (a site whose home page changed) are taken away."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=site_editors_group_name(key))
    home = Page.objects.filter(pk=home_page_id).first()
    GroupPagePermission.objects.filter(group=group).exclude(page_id=home_page_id).delete()
    _grant(apps, group, SITE_EDITOR_PERMISSIONS, home, SITE_EDITOR_PAGE_PERMISSIONS, SITE_EDITOR_COLLECTION_PERMISSIONS)
    return group


def apply_all_roles(apps) -> list[str]:
    """Base groups and one editors' group per site with a key; returns the site groups' names."""
    SiteConfig = apps.get_model("content", "SiteConfig")
    apply_base_roles(apps)
    names = []
    for key, home_page_id in SiteConfig.objects.exclude(key__isnull=True).values_list("key", "site__root_page_id"):
        apply_site_editor_role(apps, key, home_page_id)
        names.append(site_editors_group_name(key))
    return names
