/* Properties of the random TA, read by the dev kit's user_ta_header.c. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <random_ta.h>

#define TA_UUID TA_RANDOM_UUID

/* Stateless: a new instance for every session is the simplest choice. */
#define TA_FLAGS 0
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (16 * 1024)

#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Random bytes example Trusted Application"

#endif
