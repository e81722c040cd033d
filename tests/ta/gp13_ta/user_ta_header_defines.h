/*
 * Properties of gp13_ta. The extra ones (prop_checks.c reads them) give
 * every property type a value, and STRING values in each text form GP
 * defines a conversion for.
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <gp13_ta.h>

#define TA_UUID GP13_TA_UUID
#define TA_FLAGS (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION)
#define TA_STACK_SIZE (4 * 1024)
#define TA_DATA_SIZE (64 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart GP 1.3 dev kit test TA"

/* clang-format off */
#define GP13_EXT_UUID \
	{ 0x01234567, 0x89ab, 0xcdef, \
		{ 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef } }

#define TA_CURRENT_TA_EXT_PROPERTIES \
	{ "gp13.bool", USER_TA_PROP_TYPE_BOOL, &(const bool){ true } }, \
	{ "gp13.u32", USER_TA_PROP_TYPE_U32, &(const uint32_t){ 0x12345678 } }, \
	{ "gp13.u64", USER_TA_PROP_TYPE_U64, \
	  &(const uint64_t){ 0x123456789abcdef0ULL } }, \
	{ "gp13.uuid", USER_TA_PROP_TYPE_UUID, &(const TEE_UUID)GP13_EXT_UUID }, \
	{ "gp13.identity", USER_TA_PROP_TYPE_IDENTITY, \
	  &(const TEE_Identity){ 0xF0000000, GP13_EXT_UUID } }, \
	{ "gp13.string", USER_TA_PROP_TYPE_STRING, "Hello" }, \
	{ "gp13.binary", USER_TA_PROP_TYPE_BINARY_BLOCK, "SGVsbG8gd29ybGQh" }, \
	{ "gp13.binary.empty", USER_TA_PROP_TYPE_BINARY_BLOCK, "" }, \
	{ "gp13.binary.bad", USER_TA_PROP_TYPE_BINARY_BLOCK, "SGV$bG8=" }, \
	{ "gp13.str.true", USER_TA_PROP_TYPE_STRING, "TRUE" }, \
	{ "gp13.str.false", USER_TA_PROP_TYPE_STRING, "false" }, \
	{ "gp13.str.dec", USER_TA_PROP_TYPE_STRING, "4_096" }, \
	{ "gp13.str.kilo", USER_TA_PROP_TYPE_STRING, "1K" }, \
	{ "gp13.str.mega", USER_TA_PROP_TYPE_STRING, "2M" }, \
	{ "gp13.str.hex", USER_TA_PROP_TYPE_STRING, "0xCafe_F00d" }, \
	{ "gp13.str.bin", USER_TA_PROP_TYPE_STRING, "0b100_0000_0000" }, \
	{ "gp13.str.big", USER_TA_PROP_TYPE_STRING, "4294967296" }, \
	{ "gp13.str.u64max", USER_TA_PROP_TYPE_STRING, "0xFFFFFFFFFFFFFFFF" }, \
	{ "gp13.str.u64over", USER_TA_PROP_TYPE_STRING, \
	  "18446744073709551616" }, \
	{ "gp13.str.junk", USER_TA_PROP_TYPE_STRING, "12abc" }, \
	{ "gp13.str.empty", USER_TA_PROP_TYPE_STRING, "" }, \
	{ "gp13.str.uuid", USER_TA_PROP_TYPE_STRING, \
	  "40C51987-3c41-4c2c-8de6-3246fa4ef158" }, \
	{ "gp13.str.identity", USER_TA_PROP_TYPE_STRING, \
	  "0xF0000000:01234567-89ab-cdef-0123-456789abcdef" }, \
	{ "gp13.str.login", USER_TA_PROP_TYPE_STRING, "1" }, \
	{ "gp13.str.base64", USER_TA_PROP_TYPE_STRING, "aGVsbG8=" }, \
	{ "gp13.str.long", USER_TA_PROP_TYPE_STRING, GP13_LONG_STRING },

/* Longer than any buffer libutee uses internally (80 bytes in OP-TEE). */
#define GP13_LONG_STRING \
	"a property value longer than one hundred characters, so that " \
	"nothing on the way may truncate it without being noticed here"
/* clang-format on */

#endif
