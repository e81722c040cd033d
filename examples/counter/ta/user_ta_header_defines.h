/* Properties of the counter TA, read by the dev kit's user_ta_header.c. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <counter_ta.h>

#define TA_UUID TA_COUNTER_UUID

/*
 * One instance shared by every session of every client, and kept after the
 * last session closes: the count lives as long as the TEE does (until a
 * reboot, or a panic of this TA).
 */
#define TA_FLAGS                                                               \
	(TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION |                     \
	 TA_FLAG_INSTANCE_KEEP_ALIVE)
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (8 * 1024)

#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Keep-alive counter example Trusted Application"

#endif
