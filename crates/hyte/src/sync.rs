//! `hyte sync sotkanet`: fetches indicator metadata, regions and data from a Sotkanet REST API
//! 1.1 server in batches, as Sotkanet's terms ask (batch use, not live proxying): one request
//! at a time with a pause between them, retries with back-off, and a local cache of every
//! response so that a repeated sync asks the server nothing it already has.

use crate::import::{parse_data, print_report};
use anyhow::{bail, Context, Result};
use hyte_import::{apply, sotkanet};
use hyte_store::Store;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_BASE: &str = "https://sotkanet.fi/rest/1.1";

pub struct SyncOptions {
    pub base_url: String,
    pub indicators: Vec<u32>,
    pub years: (i32, i32),
    pub cache: PathBuf,
    /// Pause between requests.
    pub pause: Duration,
    pub retries: u32,
    /// Ignore cached responses.
    pub refresh: bool,
}

pub struct Fetcher {
    client: reqwest::Client,
    opts: SyncOptions,
    pub requests: u32,
}

impl Fetcher {
    pub fn new(opts: SyncOptions) -> Result<Fetcher> {
        std::fs::create_dir_all(&opts.cache).with_context(|| format!("creating cache {}", opts.cache.display()))?;
        let client = reqwest::Client::builder()
            .user_agent(concat!("hyte/", env!("CARGO_PKG_VERSION"), " (batch sync)"))
            .timeout(Duration::from_secs(120))
            .build()?;
        Ok(Fetcher { client, opts, requests: 0 })
    }

    fn cache_path(&self, url: &str) -> PathBuf {
        let h = Sha256::digest(url.as_bytes());
        let name: String = h.iter().take(16).map(|b| format!("{b:02x}")).collect();
        self.opts.cache.join(format!("{name}.json"))
    }

    /// The body of `path` under the base URL, from the cache or the server.
    pub async fn get(&mut self, path: &str) -> Result<Vec<u8>> {
        let url = format!("{}{path}", self.opts.base_url.trim_end_matches('/'));
        let cached = self.cache_path(&url);
        if !self.opts.refresh {
            if let Ok(bytes) = std::fs::read(&cached) {
                return Ok(bytes);
            }
        }
        let mut delay = self.opts.pause.max(Duration::from_millis(100));
        for attempt in 0..=self.opts.retries {
            if self.requests > 0 || attempt > 0 {
                tokio::time::sleep(if attempt == 0 { self.opts.pause } else { delay }).await;
            }
            self.requests += 1;
            match self.client.get(&url).send().await {
                Ok(res) if res.status().is_success() => {
                    let bytes = res.bytes().await?.to_vec();
                    std::fs::write(&cached, &bytes).with_context(|| format!("writing {}", cached.display()))?;
                    return Ok(bytes);
                }
                Ok(res) if res.status().is_client_error() => bail!("{url}: {}", res.status()),
                Ok(res) => tracing::warn!(url, status = %res.status(), attempt, "retrying"),
                Err(e) => tracing::warn!(url, error = %e, attempt, "retrying"),
            }
            delay *= 2;
        }
        bail!("{url}: no answer after {} attempts", self.opts.retries + 1)
    }
}

pub async fn sotkanet(store: &dyn Store, opts: SyncOptions) -> Result<u32> {
    let ids = opts.indicators.clone();
    let (from, to) = opts.years;
    if ids.is_empty() {
        bail!("name the indicators: --indicators 4404,5527");
    }
    let mut f = Fetcher::new(opts)?;
    let regions = f.get("/regions").await?;
    let regions = sotkanet::regions("regions", &regions)?;
    store.upsert_area_codes(sotkanet::SOURCE, &regions).await?;
    for id in &ids {
        let meta = f.get(&format!("/indicators/{id}")).await?;
        let ind = sotkanet::indicators(&format!("indicators/{id}"), &meta)?;
        store.upsert_indicators(&ind).await?;
    }
    let years: String = (from..=to).map(|y| format!("&years={y}")).collect();
    for id in &ids {
        let path = format!("/json?indicator={id}{years}&genders=total&genders=male&genders=female");
        let body = f.get(&path).await?;
        let name = format!("json?indicator={id}");
        let rows = parse_data(&name, &body)?;
        let report = apply::sotkanet_data(store, &name, &rows).await?;
        print_report(&name, &report);
    }
    println!("Source: THL, Sotkanet.fi ({} requests to the server)", f.requests);
    Ok(f.requests)
}
