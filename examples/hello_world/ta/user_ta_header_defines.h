/* Properties of the hello_world TA, read by the dev kit's user_ta_header.c. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <hello_world_ta.h>

#define TA_UUID TA_HELLO_WORLD_UUID

/* A new instance for every session, one session per instance. */
#define TA_FLAGS 0
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (32 * 1024)

#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Hello World example Trusted Application"

/* Two extra properties, like OP-TEE's example. */
/* clang-format off */
#define TA_CURRENT_TA_EXT_PROPERTIES \
	{ "org.linaro.optee.examples.hello_world.property1", \
	  USER_TA_PROP_TYPE_STRING, "Some string" }, \
	{ "org.linaro.optee.examples.hello_world.property2", \
	  USER_TA_PROP_TYPE_U32, &(const uint32_t){ 0x0010 } }
/* clang-format on */

#endif
