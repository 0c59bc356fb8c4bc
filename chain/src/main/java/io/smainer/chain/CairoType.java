package io.smainer.chain;

/** The Cairo types the escrow's ABI uses, with their width in felts. */
public enum CairoType {
    FELT("core::felt252", 1),
    ADDRESS("core::starknet::contract_address::ContractAddress", 1),
    CLASS_HASH("core::starknet::class_hash::ClassHash", 1),
    U8("core::integer::u8", 1),
    U64("core::integer::u64", 1),
    U256("core::integer::u256", 2),
    BOOL("core::bool", 1);

    private final String abiName;
    private final int width;

    CairoType(String abiName, int width) {
        this.abiName = abiName;
        this.width = width;
    }

    /** The type's name in a compiled Sierra ABI. */
    public String abiName() {
        return abiName;
    }

    public int width() {
        return width;
    }
}
