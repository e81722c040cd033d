/*
 * Properties of perf_ta: an instance per session, with a heap for the
 * largest benchmark buffer (1 MiB) and the allocator's overhead.
 */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <perf_ta.h>

#define TA_UUID PERF_TA_UUID
#define TA_FLAGS 0
#define TA_STACK_SIZE (8 * 1024)
#define TA_DATA_SIZE (PERF_MAX_BUF + 64 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart symmetric crypto throughput TA"

#endif
