/* Properties of crypt_ta: multi-instance (an instance per session). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <crypt_ta.h>

#define TA_UUID CRYPT_TA_UUID
#define TA_FLAGS 0
#define TA_STACK_SIZE (8 * 1024)
#define TA_DATA_SIZE (256 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart GP crypto API test TA"

#endif
