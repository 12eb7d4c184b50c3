//! The request context every page gets: language, CSRF token, the logged-in user and their
//! memberships, and helpers for translation and authorisation.

use crate::auth::{read_cookie, token_hash, LANG_COOKIE, SESSION_COOKIE};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::App;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Uri};
use hyte_domain::codes::Code;
use hyte_domain::{ErrorCode, Lang, Membership, Names, OrgKind, Organisation, Permission, Role, User};
use std::sync::Arc;

/// The CSRF token of this request (set by the CSRF middleware).
#[derive(Clone)]
pub struct CsrfToken(pub String);

pub struct SessionUser {
    pub user: User,
    pub memberships: Vec<(Membership, Organisation)>,
    /// The instance administrator: national data and catalogue settings.
    pub instance_admin: bool,
    /// Invitations waiting for the user's answer.
    pub invitations: i64,
}

pub struct Ctx {
    pub lang: Lang,
    pub csrf: String,
    /// Path and query of this request, for the language switch and after-login redirects.
    pub path: String,
    pub user: Option<SessionUser>,
    pub i18n: Arc<I18n>,
}

pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

/// `%`-encodes a path for use as a query value.
pub fn encode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|q| q[1..].to_string()).unwrap_or_default()
}

/// A local redirect target (the domain's `local_path`), else the home page.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(hyte_domain::local_path).unwrap_or_else(|| "/".to_string())
}

impl Ctx {
    pub async fn build(app: &App, headers: &HeaderMap, uri: &Uri, csrf: String) -> Result<Ctx, AppError> {
        let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let lang = read_cookie(cookies, LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| {
                headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept_language)
            })
            .unwrap_or_default();
        let user = match read_cookie(cookies, SESSION_COOKIE) {
            Some(token) if crate::auth::is_token(token) => {
                match app.store.session_user(&token_hash(token), chrono::Utc::now()).await? {
                    Some(user) => {
                        let memberships = app.store.user_memberships(user.id).await?;
                        let state = app.store.account_state(user.id).await?;
                        let (instance_admin, invitations) = (state.instance_admin, state.invitations);
                        Some(SessionUser { user, memberships, instance_admin, invitations })
                    }
                    None => None,
                }
            }
            _ => None,
        };
        let path = uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        Ok(Ctx { lang, csrf, path, user, i18n: app.i18n.clone() })
    }

    /// Who sees the numbers: suppressed values are hidden from the public (`knowledge::hidden`).
    pub fn audience(&self) -> hyte_domain::knowledge::Audience {
        hyte_domain::knowledge::Audience::of(self.user.is_some())
    }

    /// A code enum's value in the user's language (its translation key from the domain).
    pub fn code<T: Code>(&self, v: T) -> String {
        v.key().map(|k| self.t(&k)).unwrap_or_else(|| v.code().to_string())
    }

    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        self.i18n.format(self.lang, key, &[(name, value.to_string())])
    }

    pub fn t2(&self, key: &str, n1: &str, v1: impl ToString, n2: &str, v2: impl ToString) -> String {
        self.i18n.format(self.lang, key, &[(n1, v1.to_string()), (n2, v2.to_string())])
    }

    /// The translated text of an error code.
    pub fn err(&self, code: impl std::borrow::Borrow<ErrorCode>) -> String {
        self.code(*code.borrow())
    }

    /// The translated name of a role.
    pub fn role(&self, role: impl std::borrow::Borrow<Role>) -> String {
        self.code(*role.borrow())
    }

    /// The translated name of an organisation kind.
    pub fn org_kind(&self, kind: impl std::borrow::Borrow<OrgKind>) -> String {
        self.code(*kind.borrow())
    }

    pub fn name<'a>(&self, names: &'a Names) -> &'a str {
        names.get(self.lang)
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn lang_links(&self) -> Vec<LangLink> {
        [(Lang::Fi, "Suomeksi"), (Lang::Sv, "På svenska"), (Lang::En, "In English")]
            .into_iter()
            .map(|(l, label)| LangLink {
                code: l.code(),
                label,
                href: format!("/lang/{}?next={}", l.code(), encode(&self.path)),
                current: l == self.lang,
            })
            .collect()
    }

    /// Whether the navigation item at `href` is the current section.
    pub fn nav_current(&self, href: &str) -> bool {
        let path = self.path.split('?').next().unwrap_or("/");
        match href {
            "/" => path == "/",
            "/org" => path == "/org" || path.starts_with("/orgs/"),
            _ => path == href || path.starts_with(&format!("{href}/")),
        }
    }

    /// Whether this page is the organisation's `section` ("" for its overview).
    pub fn org_section(&self, org_id: impl std::borrow::Borrow<i64>, section: &str) -> bool {
        let org_id = *org_id.borrow();
        let base = format!("/orgs/{org_id}");
        let path = self.path.split('?').next().unwrap_or("/");
        if section.is_empty() {
            return path == base;
        }
        let href = format!("{base}/{section}");
        path == href || path.starts_with(&format!("{href}/"))
    }

    pub fn is_admin(&self, org_id: impl std::borrow::Borrow<i64>) -> bool {
        self.can(*org_id.borrow(), Permission::Administer)
    }

    pub fn can_coordinate(&self, org_id: impl std::borrow::Borrow<i64>) -> bool {
        self.can(*org_id.borrow(), Permission::Coordinate)
    }

    pub fn login_href(&self) -> String {
        format!("/login?next={}", encode(&self.path))
    }

    pub fn is_instance_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.instance_admin)
    }

    /// The domain's rule for changing an indicator owned by `owner` (national: the instance
    /// administrator; own: its organisation's coordinators).
    pub fn may_change_indicator(&self, owner: Option<i64>) -> bool {
        hyte_domain::knowledge::indicator::may_change(owner, self.is_instance_admin(), |org| {
            self.can(org, Permission::Coordinate)
        })
    }

    pub fn require_user(&self) -> Result<&SessionUser, AppError> {
        self.user.as_ref().ok_or(AppError::new(ErrorCode::NotLoggedIn))
    }

    pub fn membership(&self, org_id: impl std::borrow::Borrow<i64>) -> Option<&Membership> {
        let org_id = *org_id.borrow();
        self.user.as_ref()?.memberships.iter().find(|(m, _)| m.org_id == org_id).map(|(m, _)| m)
    }

    /// The user's membership in `org_id`, if its role allows `perm`. Every write checks this:
    /// role **and** organisation.
    pub fn require(&self, org_id: i64, perm: Permission) -> Result<&Membership, AppError> {
        self.require_user()?;
        match self.membership(org_id) {
            Some(m) if m.role.can(perm) => Ok(m),
            _ => Err(AppError::new(ErrorCode::Forbidden)),
        }
    }

    pub fn can(&self, org_id: i64, perm: Permission) -> bool {
        self.require(org_id, perm).is_ok()
    }

    /// The organisation `id` and the user's membership in it, when its role there allows `perm`
    /// (else `forbidden`); `not_found` when it does not exist. Every organisation page starts here.
    pub async fn org(&self, app: &App, id: i64, perm: Permission) -> Result<(Organisation, Membership), AppError> {
        let me = self.require(id, perm)?.clone();
        let org = app.store.get_organisation(id).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
        Ok((org, me))
    }
}

impl FromRequestParts<App> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Ctx, AppError> {
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        Ctx::build(app, &parts.headers, &parts.uri, csrf).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(safe_next(Some("/areas?kind=x")), "/areas?kind=x");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/a\r\nx")), "/");
        assert_eq!(encode("/areas?kind=municipality&q=a b"), "%2Fareas%3Fkind%3Dmunicipality%26q%3Da+b");
    }
}
