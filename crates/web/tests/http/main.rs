//! Black-box HTTP tests: one binary, a real server per test.

mod helpers;

mod admin;
mod api;
mod areas;
mod assessments;
mod auth;
mod authz;
mod i18n;
mod knowledge;
mod partners;
mod reports;
