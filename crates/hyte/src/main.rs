//! `hyte`: the server and its command-line tools.

mod bench;
mod coefficient;
mod coefficient_bench;
mod config;
mod db;
mod import;
mod sync;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use config::Config;
use db::Db;
use hyte_domain::{DisplayName, Email, Names, OrgKind, Password, Role};
use hyte_store::{Actor, NewOrganisation, NewUser, Store};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "hyte",
    version,
    about = "Hyte: well-being and health promotion for Finnish municipalities and counties"
)]
struct Cli {
    /// Configuration file (default: ./hyte.toml if present). Environment variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (the default). Loads the areas, and the demo into an empty SQLite database.
    Serve,
    /// Create or upgrade the database schema, then exit.
    Migrate,
    /// (Re)load the real Finnish areas, populations and the Sotkanet indicator catalogue; idempotent.
    Areas {
        #[command(subcommand)]
        action: AreasAction,
    },
    /// Load the demo organisations and users.
    Demo {
        #[command(subcommand)]
        action: DemoAction,
    },
    /// Manage organisations.
    Org {
        #[command(subcommand)]
        action: OrgAction,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Import files into the knowledge base (a broken file writes nothing).
    Import {
        #[command(subcommand)]
        action: ImportAction,
    },
    /// Fetch indicators and data from THL Sotkanet in batches (cached, rate-limited).
    Sync {
        #[command(subcommand)]
        action: SyncAction,
    },
    /// Measure import and query speed on national-scale data from `bench/generate.py`, in a
    /// fresh database (a temporary SQLite file, or a new database next to DATABASE_URL).
    Bench {
        /// Folder with indicators.json and data.csv.
        #[arg(long)]
        data: PathBuf,
        /// `sqlite` or `postgres` (PostgreSQL at HYTE_BENCH_POSTGRES_URL, default the local one).
        #[arg(long, default_value = "sqlite")]
        backend: String,
        #[arg(long, default_value_t = 200)]
        profiles: usize,
        #[arg(long, default_value_t = 200)]
        across: usize,
        /// Indicators per area profile.
        #[arg(long, default_value_t = 100)]
        indicators: usize,
        /// Also write the results here.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// HYTE coefficient models and TEAviisari results (a broken file names its line, writes nothing).
    Coefficient {
        #[command(subcommand)]
        action: CoefficientAction,
    },
    /// Copy a live SQLite database to FILE (consistent, without stopping the server).
    Backup { file: PathBuf },
}

#[derive(Subcommand)]
enum ImportAction {
    /// Sotkanet indicator list (`/indicators`) or full metadata (`/indicators/{id}`) JSON.
    SotkanetIndicators { files: Vec<PathBuf> },
    /// Sotkanet regions (`/regions`) JSON: maps region ids onto Hyte's areas.
    SotkanetRegions { file: PathBuf },
    /// Sotkanet data as JSON (`/json`) or CSV (`/csv`).
    SotkanetData {
        /// Record the import as a job of this organisation (listed on its import page).
        #[arg(long)]
        org: Option<i64>,
        files: Vec<PathBuf>,
    },
    /// An organisation's own data in Hyte's CSV template (docs/import.md).
    Own {
        #[arg(long)]
        org: i64,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum CoefficientAction {
    /// Load a model file (docs/coefficient.md) as the next version of its code.
    Load { file: PathBuf },
    /// Load TEAviisari results (area;sector;item;year;score) for any areas.
    Teaviisari { file: PathBuf },
    /// Time the coefficient on the national scale (docs/benchmarks.md; `bench/coefficient.sh`).
    Bench {
        #[arg(long, default_value_t = 200)]
        runs: usize,
        /// Write the synthetic dataset and Hyte's totals here, for `bench/coefficient_baseline.py`.
        #[arg(long)]
        data_out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum SyncAction {
    /// e.g. `hyte sync sotkanet --indicators 4404,5527 --years 2015-2024`
    Sotkanet {
        /// Comma-separated Sotkanet indicator ids.
        #[arg(long, value_delimiter = ',')]
        indicators: Vec<u32>,
        /// FROM-TO, e.g. 2015-2024.
        #[arg(long, default_value = "2015-2024")]
        years: String,
        #[arg(long, default_value = sync::DEFAULT_BASE)]
        base_url: String,
        /// Where responses are kept between runs.
        #[arg(long, default_value = ".hyte-cache/sotkanet")]
        cache: PathBuf,
        /// Seconds to wait between requests.
        #[arg(long, default_value_t = 1.0)]
        pause: f64,
        #[arg(long, default_value_t = 3)]
        retries: u32,
        /// Fetch again even what the cache has.
        #[arg(long)]
        refresh: bool,
    },
}

#[derive(Subcommand)]
enum AreasAction {
    Load,
}

#[derive(Subcommand)]
enum DemoAction {
    Load,
}

#[derive(Subcommand)]
enum OrgAction {
    /// Add an organisation, e.g. `hyte org add --kind municipality --name-fi "Kuopion kaupunki" --area municipality/297`.
    Add {
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name_fi: String,
        #[arg(long)]
        name_sv: Option<String>,
        #[arg(long)]
        name_en: Option<String>,
        /// KIND/CODE of the area, e.g. `municipality/297` or `wellbeing_county/13`.
        #[arg(long)]
        area: Option<String>,
    },
    List,
}

#[derive(Subcommand)]
enum UserAction {
    /// Add a user to an organisation, e.g. the first admin. The password is read from
    /// `HYTE_PASSWORD` or standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        org: i64,
        #[arg(long, default_value = "admin")]
        role: String,
    },
    /// Makes a user the instance administrator (Sotkanet imports, national indicators' settings),
    /// or with `--off` takes the rights away.
    InstanceAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        off: bool,
    },
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    let config = Config::load(cli.config.as_deref())?;
    init_logs(&config);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            Db::open(&config.database_url).await?;
            println!("Database at {} is up to date.", config.database_url);
            Ok(())
        }
        Command::Areas { action: AreasAction::Load } => {
            let db = Db::open(&config.database_url).await?;
            load_areas(&*db.store()).await
        }
        Command::Demo { action: DemoAction::Load } => {
            let db = Db::open(&config.database_url).await?;
            let store = db.store();
            if store.is_empty().await? {
                load_areas(&*store).await?;
            }
            hyte_seed::demo::load(&*store, &hyte_web::auth::hash_password).await?;
            print_demo_logins();
            Ok(())
        }
        Command::Org { action } => org(config, action).await,
        Command::User { action: UserAction::Add { email, name, org, role } } => {
            let db = Db::open(&config.database_url).await?;
            add_user(&*db.store(), &email, &name, org, &role).await
        }
        Command::User { action: UserAction::InstanceAdmin { email, off } } => {
            let db = Db::open(&config.database_url).await?;
            let store = db.store();
            let (user, _) = store.find_login(&email).await?.with_context(|| format!("no user {email}"))?;
            store.set_instance_admin(user.id, !off, Actor::SYSTEM).await?;
            let now = if off { "is no longer" } else { "is now" };
            println!("{} {now} the instance administrator", user.email.as_str());
            Ok(())
        }
        Command::Coefficient { action } => {
            let db = Db::open(&config.database_url).await?;
            let store = db.store();
            match action {
                CoefficientAction::Load { file } => coefficient::load_model(&*store, &file).await,
                CoefficientAction::Teaviisari { file } => coefficient::load_teaviisari(&*store, &file).await,
                CoefficientAction::Bench { runs, data_out } => {
                    print!("{}", coefficient_bench::run(&*store, runs, data_out.as_deref()).await?);
                    Ok(())
                }
            }
        }
        Command::Import { action } => {
            let db = Db::open(&config.database_url).await?;
            let store = db.store();
            match action {
                ImportAction::SotkanetIndicators { files } => import::indicators(&*store, &files).await,
                ImportAction::SotkanetRegions { file } => import::regions(&*store, &file).await,
                ImportAction::SotkanetData { org, files } => import::data(&*store, org, &files).await,
                ImportAction::Own { org, file } => import::own_data(&*store, org, &file).await,
            }
        }
        Command::Sync {
            action: SyncAction::Sotkanet { indicators, years, base_url, cache, pause, retries, refresh },
        } => {
            let (from, to) = years
                .split_once('-')
                .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
                .filter(|(a, b): &(i32, i32)| a <= b)
                .context("--years must be FROM-TO, e.g. 2015-2024")?;
            let db = Db::open(&config.database_url).await?;
            let opts = sync::SyncOptions {
                base_url,
                indicators,
                years: (from, to),
                cache,
                pause: std::time::Duration::from_secs_f64(pause.max(0.0)),
                retries,
                refresh,
            };
            sync::sotkanet(&*db.store(), opts).await.map(|_| ())
        }
        Command::Bench { data, backend, profiles, across, indicators, json } => {
            let opts = bench::BenchOptions { profiles, across, indicators };
            let tmp = std::env::temp_dir().join(format!("hyte-bench-{}", std::process::id()));
            let result = match backend.as_str() {
                "sqlite" => {
                    std::fs::create_dir_all(&tmp)?;
                    let db = Db::open(&format!("sqlite://{}", tmp.join("bench.db").display())).await?;
                    let r = bench::run(db.store(), "sqlite", &data, opts).await;
                    std::fs::remove_dir_all(&tmp).ok();
                    r?
                }
                "postgres" => {
                    let admin = std::env::var("HYTE_BENCH_POSTGRES_URL")
                        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
                    let name = format!("hyte_bench_{}", std::process::id());
                    let url = format!("{}/{name}", admin.rsplit_once('/').map(|p| p.0).unwrap_or(&admin));
                    hyte_store_postgres::admin_sql(&admin, &format!("CREATE DATABASE {name}")).await?;
                    let db = Db::open(&url).await?;
                    let r = bench::run(db.store(), "postgres", &data, opts).await;
                    if let Db::Postgres(s) = db {
                        s.close().await;
                    }
                    hyte_store_postgres::admin_sql(&admin, &format!("DROP DATABASE {name} WITH (FORCE)")).await?;
                    r?
                }
                other => bail!("--backend must be sqlite or postgres, not {other}"),
            };
            println!("{}", serde_json::to_string_pretty(&result)?);
            if let Some(p) = json {
                std::fs::write(&p, serde_json::to_string_pretty(&result)?)?;
            }
            Ok(())
        }
        Command::Backup { file } => {
            let Db::Sqlite(s) = Db::open(&config.database_url).await? else {
                bail!("hyte backup copies SQLite databases; back up PostgreSQL with pg_dump");
            };
            if file.exists() {
                bail!("{} exists; choose a new file", file.display());
            }
            s.backup(&file).await?;
            println!("Backed up to {}", file.display());
            Ok(())
        }
    }
}

fn init_logs(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr);
    if config.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn load_areas(store: &dyn Store) -> Result<()> {
    hyte_seed::load_base(store).await?;
    tracing::info!("areas and indicator catalogue loaded");
    Ok(())
}

fn print_demo_logins() {
    println!("Demo users (password: {}):", hyte_seed::demo::PASSWORD);
    for u in &hyte_seed::demo::USERS {
        println!("  {:<32} {} ({})", u.email, u.name, u.role.as_str());
    }
}

async fn serve(config: Config) -> Result<()> {
    let db = Db::open(&config.database_url).await?;
    let store = db.store();
    if store.is_empty().await? {
        load_areas(&*store).await?;
    }
    let demo = config.demo_enabled() && store.organisation_count().await? == 0;
    if demo {
        hyte_seed::demo::load(&*store, &hyte_web::auth::hash_password).await?;
        tracing::info!("demo dataset loaded");
    }
    let listener =
        tokio::net::TcpListener::bind(&config.bind).await.with_context(|| format!("binding {}", config.bind))?;
    let addr = listener.local_addr()?;
    println!("Hyte is running at http://{addr}/  (database: {})", config.database_url);
    if config.demo_enabled() {
        print_demo_logins();
    }
    let app = hyte_web::app_state(store, config.web());
    hyte_web::serve(app, listener, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn org(config: Config, action: OrgAction) -> Result<()> {
    let db = Db::open(&config.database_url).await?;
    let store = db.store();
    match action {
        OrgAction::Add { kind, name_fi, name_sv, name_en, area } => {
            let kind = OrgKind::parse(&kind).with_context(|| {
                let kinds: Vec<_> = OrgKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("--kind must be one of {}", kinds.join(", "))
            })?;
            let area_id = match area {
                Some(a) => {
                    let (k, c) = a.split_once('/').context("--area must be KIND/CODE, e.g. municipality/297")?;
                    Some(store.get_area(k, c).await?.with_context(|| format!("no area {a}"))?.id)
                }
                None => None,
            };
            let names = Names::new(name_fi.trim(), name_sv, name_en);
            if names.fi.is_empty() {
                bail!("--name-fi must not be empty");
            }
            let o = store.create_organisation(&NewOrganisation { kind, names, area_id }, Actor::SYSTEM).await?;
            println!("Created organisation {} ({})", o.id, o.names.fi);
        }
        OrgAction::List => {
            for o in store.list_organisations().await? {
                println!("{:>5}  {:<18} {}", o.id, o.kind.as_str(), o.names.fi);
            }
        }
    }
    Ok(())
}

async fn add_user(store: &dyn Store, email: &str, name: &str, org: i64, role: &str) -> Result<()> {
    let email = Email::parse(email).map_err(|c| anyhow::anyhow!("--email: {c}"))?;
    let name = DisplayName::parse(name).map_err(|c| anyhow::anyhow!("--name: {c}"))?;
    let role = Role::parse(role).map_err(|c| anyhow::anyhow!("--role: {c} (admin, coordinator, editor, viewer)"))?;
    let raw = match std::env::var("HYTE_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("Password (at least {} characters):", Password::MIN);
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let password = Password::parse(&raw).map_err(|c| anyhow::anyhow!("password: {c}"))?;
    let hash = hyte_web::auth::hash_password(password.expose());
    let user = store
        .create_user(
            &NewUser { email, display_name: name, password_hash: hash },
            Some((org, role, None)),
            Actor::SYSTEM,
        )
        .await
        .map_err(|e| anyhow::anyhow!("could not add user: {}", e.code()))?;
    println!("Added user {} to organisation {org} as {}", user.email.as_str(), role.as_str());
    Ok(())
}
