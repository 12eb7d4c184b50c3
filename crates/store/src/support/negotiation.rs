//! The yearly HYTE negotiation between a county and each of its municipalities.

use async_trait::async_trait;

#[async_trait]
pub trait NegotiationStore: Send + Sync {}
