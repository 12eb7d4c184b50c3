//! The demo's HYTE coefficient: the example model on real Sotkanet data (Kuopio's and
//! Siilinjärvi's coefficients and weakest indicators come from it), and one scenario of Kuopio's,
//! attached to its plan goal on type 2 diabetes: what reaching the goal's target (Kela's series
//! 683 down to the target value) would be worth under the example model. Computed by the domain
//! on the real data, never typed in.

use crate::coefficient::{load_once, DEMO_MODEL};
use anyhow::{Context, Result};
use hyte_domain::coefficient::compute;
use hyte_domain::coefficient::scenario::{worth, Change, ChangeKind, ScenarioInput};
use hyte_store::coefficient::gather;
use hyte_store::{Actor, Store};

/// Kuopio's plan goal the scenario is attached to (see `demo_reports`).
const GOAL: &str = "Tyypin 2 diabeteksen yleistyminen taittuu";

pub async fn load(store: &dyn Store, kuopio: i64) -> Result<()> {
    let model = load_once(store, "demo-2019.toml", DEMO_MODEL).await?;
    let record = store.model_versions(&model.code).await?.into_iter().next().context("the demo model")?;
    let (inputs, areas) = gather(store, &model, model.data_year).await?;
    let results = compute(&model, &inputs);
    let org = store.get_organisation(kuopio).await?.context("Kuopio")?;
    let unit = areas.iter().position(|a| Some(a.id) == org.area_id).context("Kuopio's area")?;
    let mut goal = None;
    for r in store.list_reports(kuopio).await? {
        if let Some(g) = store.plan(r.id).await?.goals.into_iter().find(|g| g.title == GOAL) {
            goal = Some(g);
            break;
        }
    }
    let goal = goal.context("Kuopio's diabetes goal")?;
    let target = goal.targets.first().context("the goal's target")?.target.1;
    let changes = vec![Change { indicator: "diabetes".into(), kind: ChangeKind::To(target) }];
    let (_, outcome) = worth(&model, &inputs, &results, unit, &changes);
    let name = format!("Diabetestavoite saavutetaan: {:.1} %", target).replace('.', ",");
    let input = ScenarioInput::parse(&name, changes, outcome).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let s = store.save_scenario(kuopio, record.id, &input, Actor::SYSTEM).await?;
    store.attach_scenario(kuopio, s.id, s.version, Some(goal.id), Actor::SYSTEM).await?;
    Ok(())
}
