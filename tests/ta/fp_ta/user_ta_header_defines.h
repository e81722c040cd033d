/* Properties of fp_ta: multi-instance (an instance per session). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <fp_ta.h>

#define TA_UUID FP_TA_UUID
#define TA_FLAGS 0
#define TA_STACK_SIZE (4 * 1024)
#define TA_DATA_SIZE (32 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart FP/SIMD test TA"

#endif
