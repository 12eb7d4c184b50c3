#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! Black-box HTTP tests: one binary, a real server per test.

mod helpers;

mod admin;
mod api;
mod areas;
mod assessments;
mod auth;
mod authz;
mod authz_ids;
mod authz_matrix;
mod authz_table;
mod coefficient;
mod cooperation;
mod csrf;
mod i18n;
mod idor;
mod indicator_ids;
mod indicator_sets;
mod interface;
mod interface_work;
mod knowledge;
mod negotiations;
mod partners;
mod plan_edit;
mod practices;
mod report_indicators;
mod report_structure;
mod reports;
mod route_inventory;
mod services;
mod support;
mod suppression;
mod uploads;
