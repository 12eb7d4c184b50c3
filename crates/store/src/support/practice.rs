//! The good-practice library: practices, their evidence, and the organisations that use them.

use async_trait::async_trait;

#[async_trait]
pub trait PracticeStore: Send + Sync {}
