//! The Hyte web server: explicit axum handlers for pages (askama, no JavaScript needed) and
//! the JSON API (`/api/v1`, OpenAPI generated from code).

pub mod api;
pub mod auth;
pub mod charts;
pub mod coefficient_views;
pub mod ctx;
pub mod download;
pub mod error;
pub mod form;
pub mod format;
pub mod i18n;
pub mod interface_views;
pub mod knowledge;
pub mod middleware;
pub mod pages;
pub mod refusal;
pub mod respond;
pub mod support_views;
pub mod upload;
pub mod year_assessments;

use axum::routing::get;
use axum::Router;
use hyte_store::Store;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    pub session_hours: i64,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// The largest import upload (every other request: [`BODY_MAX`]).
    pub import_max_bytes: u64,
    /// Where an import upload is written while it arrives and is imported (then removed).
    pub upload_dir: std::path::PathBuf,
}

/// The largest request body outside imports.
pub const BODY_MAX: usize = 2 * 1024 * 1024;

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            session_hours: 12,
            trust_forwarded_for: false,
            import_max_bytes: 256 << 20,
            upload_dir: std::env::temp_dir(),
        }
    }
}

pub struct AppState {
    pub store: Arc<dyn Store>,
    pub i18n: Arc<i18n::I18n>,
    pub config: WebConfig,
    pub profiles: knowledge::ProfileCache,
    /// Computed HYTE coefficients.
    pub coefficients: coefficient_views::CoefficientCache,
    /// Imports running on this server.
    pub imports: pages::knowledge::import::Running,
}

pub type App = Arc<AppState>;

pub fn app_state(store: Arc<dyn Store>, config: WebConfig) -> App {
    Arc::new(AppState {
        store,
        i18n: Arc::new(i18n::I18n::new()),
        config,
        profiles: Default::default(),
        coefficients: Default::default(),
        imports: Default::default(),
    })
}

/// The whole application: pages, API, health checks, and the security layers around them.
pub fn router(app: App) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(pages::knowledge::import::upload_route(app.config.import_max_bytes))
        .nest("/api/v1", api::routes())
        .route("/healthz", get(pages::site::ops::healthz))
        .route("/readyz", get(pages::site::ops::readyz))
        .fallback(pages::not_found)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(middleware::panic_response))
        .layer(axum::middleware::from_fn_with_state(app.clone(), middleware::csrf))
        .layer(axum::middleware::from_fn_with_state(app.clone(), pages::error_pages))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_MAX))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(app)
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    app: App,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    match pages::knowledge::import::fail_interrupted(&app).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(jobs = n, "imports cut off by a restart recorded as failed"),
        Err(e) => tracing::error!("could not check for interrupted imports: {e}"),
    }
    let svc = router(app).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, svc).with_graceful_shutdown(shutdown).await
}
