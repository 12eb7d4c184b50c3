//! Configuration: defaults, then an optional TOML file, then environment variables.
//! No file is needed: `hyte` alone serves `sqlite://hyte.db` on 127.0.0.1:8080.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on.
    pub bind: String,
    /// `sqlite://hyte.db` (default) or `postgres://user@host/db`.
    pub database_url: String,
    /// Load the demo dataset into an empty database (default: on for SQLite, off for PostgreSQL).
    pub demo: Option<bool>,
    /// Mark cookies `Secure`; set when served over HTTPS.
    pub secure_cookies: bool,
    pub session_hours: i64,
    /// Trust `X-Forwarded-For` for the client address (only behind a proxy you run).
    pub trust_forwarded_for: bool,
    /// The largest import upload, in MiB (other requests: 2 MiB).
    pub import_max_mb: u64,
    /// Where import uploads are written while they arrive (default: the system's temporary folder).
    pub upload_dir: Option<std::path::PathBuf>,
    /// `text` or `json` request and event logs.
    pub log_format: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            database_url: "sqlite://hyte.db".into(),
            demo: None,
            secure_cookies: false,
            session_hours: 12,
            trust_forwarded_for: false,
            import_max_mb: 256,
            upload_dir: None,
            log_format: "text".into(),
        }
    }
}

fn env_bool(name: &str) -> Result<Option<bool>> {
    match std::env::var(name) {
        Ok(v) => match v.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(Some(true)),
            "0" | "false" | "no" | "off" => Ok(Some(false)),
            _ => anyhow::bail!("{name}={v:?}: expected true or false"),
        },
        Err(_) => Ok(None),
    }
}

impl Config {
    /// Reads `path` if given (it must exist), else `hyte.toml` if present; then the environment.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let file = match path {
            Some(p) => Some(p.to_path_buf()),
            None => Some(Path::new("hyte.toml").to_path_buf()).filter(|p| p.exists()),
        };
        let mut c = match file {
            Some(p) => {
                let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
                toml::from_str(&text).with_context(|| format!("in {}", p.display()))?
            }
            None => Config::default(),
        };
        c.apply_env()?;
        Ok(c)
    }

    fn apply_env(&mut self) -> Result<()> {
        if let Ok(v) = std::env::var("DATABASE_URL") {
            self.database_url = v;
        }
        if let Ok(v) = std::env::var("HYTE_BIND") {
            self.bind = v;
        }
        if let Ok(v) = std::env::var("HYTE_LOG_FORMAT") {
            self.log_format = v;
        }
        if let Ok(v) = std::env::var("HYTE_SESSION_HOURS") {
            self.session_hours = v.parse().context("HYTE_SESSION_HOURS must be a whole number")?;
        }
        if let Some(b) = env_bool("HYTE_DEMO")? {
            self.demo = Some(b);
        }
        if let Some(b) = env_bool("HYTE_SECURE_COOKIES")? {
            self.secure_cookies = b;
        }
        if let Ok(v) = std::env::var("HYTE_IMPORT_MAX_MB") {
            self.import_max_mb = v.parse().context("HYTE_IMPORT_MAX_MB must be a whole number")?;
        }
        if let Ok(v) = std::env::var("HYTE_UPLOAD_DIR") {
            self.upload_dir = Some(v.into());
        }
        if let Some(b) = env_bool("HYTE_TRUST_FORWARDED_FOR")? {
            self.trust_forwarded_for = b;
        }
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres://") || self.database_url.starts_with("postgresql://")
    }

    pub fn demo_enabled(&self) -> bool {
        self.demo.unwrap_or(!self.is_postgres())
    }

    pub fn web(&self) -> hyte_web::WebConfig {
        hyte_web::WebConfig {
            secure_cookies: self.secure_cookies,
            session_hours: self.session_hours,
            trust_forwarded_for: self.trust_forwarded_for,
            import_max_bytes: self.import_max_mb.saturating_mul(1024 * 1024),
            upload_dir: self.upload_dir.clone().unwrap_or_else(std::env::temp_dir),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_values_override_defaults() {
        let c: Config = toml::from_str("bind = \"0.0.0.0:9000\"\ndatabase_url = \"postgres://db/hyte\"").unwrap();
        assert_eq!(c.bind, "0.0.0.0:9000");
        assert!(c.is_postgres());
        assert!(!c.demo_enabled(), "no demo on PostgreSQL unless asked");
        assert!(Config::default().demo_enabled());
        assert!(toml::from_str::<Config>("bnid = 1").is_err(), "typos are errors");
    }
}
