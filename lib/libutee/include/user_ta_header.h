/*
 * What the dev kit's src/user_ta_header.c builds into every TA from the
 * TA's user_ta_header_defines.h: the TA header (ta_head, first bytes of the
 * image), the property table and the heap. Also the flag and property-type
 * values a user_ta_header_defines.h uses.
 */
#ifndef RAMPART_USER_TA_HEADER_H
#define RAMPART_USER_TA_HEADER_H

#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

/* ta_head.flags (TA_FLAGS) */
#define TA_FLAG_USER_MODE 0 /* deprecated */
#define TA_FLAG_EXEC_DDR 0  /* deprecated */
#define TA_FLAG_SINGLE_INSTANCE (1U << 2)
#define TA_FLAG_MULTI_SESSION (1U << 3)
#define TA_FLAG_INSTANCE_KEEP_ALIVE (1U << 4)
#define TA_FLAG_SECURE_DATA_PATH (1U << 5)
#define TA_FLAG_REMAP_SUPPORT 0 /* deprecated */
#define TA_FLAG_CACHE_MAINTENANCE (1U << 7)
#define TA_FLAG_CONCURRENT (1U << 8) /* pseudo-TAs only */
#define TA_FLAG_DEVICE_ENUM (1U << 9)
#define TA_FLAG_DEVICE_ENUM_SUPP (1U << 10)
#define TA_FLAG_DONT_CLOSE_HANDLE_ON_CORRUPT_OBJECT (1U << 11)
#define TA_FLAG_DEVICE_ENUM_TEE_STORAGE_PRIVATE (1U << 12)
#define TA_FLAG_INSTANCE_KEEP_CRASHED (1U << 13)
#define TA_FLAGS_MASK 0x3FFFU

/* Added by the dev kit to TA_STACK_SIZE for libutee's own frames. */
#define TA_FRAMEWORK_STACK_SIZE 2048

/* At offset 0 of the image (the first PT_LOAD segment); 32 bytes. */
struct ta_head {
	TEE_UUID uuid;
	uint32_t stack_size; /* TA_STACK_SIZE + TA_FRAMEWORK_STACK_SIZE */
	uint32_t flags;	     /* TA_FLAGS */
	uint64_t depr_entry; /* UINT64_MAX */
};

enum user_ta_prop_type {
	USER_TA_PROP_TYPE_BOOL = 0,	    /* bool */
	USER_TA_PROP_TYPE_U32 = 1,	    /* uint32_t */
	USER_TA_PROP_TYPE_UUID = 2,	    /* TEE_UUID */
	USER_TA_PROP_TYPE_IDENTITY = 3,	    /* TEE_Identity */
	USER_TA_PROP_TYPE_STRING = 4,	    /* NUL-terminated char array */
	USER_TA_PROP_TYPE_BINARY_BLOCK = 5, /* NUL-terminated base64 */
	USER_TA_PROP_TYPE_U64 = 6,	    /* uint64_t */
	USER_TA_PROP_TYPE_INVALID = 7,
};

struct user_ta_property {
	const char *name;
	enum user_ta_prop_type type;
	const void *value;
};

/* Standard property names */
#define TA_PROP_STR_SINGLE_INSTANCE "gpd.ta.singleInstance"
#define TA_PROP_STR_MULTI_SESSION "gpd.ta.multiSession"
#define TA_PROP_STR_KEEP_ALIVE "gpd.ta.instanceKeepAlive"
#define TA_PROP_STR_KEEP_CRASHED "optee.ta.instanceKeepCrashed"
#define TA_PROP_STR_DATA_SIZE "gpd.ta.dataSize"
#define TA_PROP_STR_STACK_SIZE "gpd.ta.stackSize"
#define TA_PROP_STR_VERSION "gpd.ta.version"
#define TA_PROP_STR_DESCRIPTION "gpd.ta.description"
#define TA_PROP_STR_ENDIAN "gpd.ta.endian"
#define TA_PROP_STR_DOES_NOT_CLOSE_HANDLE_ON_CORRUPT_OBJECT                    \
	"gpd.ta.doesNotCloseHandleOnCorruptObject"
#define TA_PROP_STR_UNSAFE_PARAM "op-tee.unsafe_param"
#define TA_PROP_STR_REMAP "op-tee.remap"
#define TA_PROP_STR_CACHE_SYNC "op-tee.cache_sync"

/* Defined by user_ta_header.c in each TA. */
extern const struct ta_head ta_head;
extern const struct user_ta_property ta_props[];
extern const size_t ta_num_props;
extern uint8_t ta_heap[];
extern const size_t ta_heap_size;

#endif
