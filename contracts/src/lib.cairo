// Crate root for Scarb builds. test.sh compiles src/escrow.cairo on its own as a single file,
// so escrow.cairo refers to its own items only through `super::`, which works in both layouts.
pub mod escrow;
