/* Properties of arith_ta. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <arith_ta.h>

#define TA_UUID ARITH_TA_UUID
#define TA_FLAGS (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION)
#define TA_STACK_SIZE (16 * 1024)
/* Operands, results and mbedTLS's temporaries of up to 8192 bits. */
#define TA_DATA_SIZE (128 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart GP Arithmetical API test TA"

#endif
