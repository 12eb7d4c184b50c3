//! What every room's rows share: turning a list of rows into domain values, and the error for a
//! value the database should never hold.

use crate::StoreError;

pub fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(format!("invalid {what} in database: {value:?}").into()))
}

pub fn collect<R, T>(rows: Vec<R>) -> Result<Vec<T>, StoreError>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}
