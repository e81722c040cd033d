/* TA persistent time (GP TEE_GetTAPersistentTime / TEE_SetTAPersistentTime). */
#ifndef RAMPART_TEE_TA_TIME_H
#define RAMPART_TEE_TA_TIME_H

#include <stdint.h>
#include <rampart/types.h>

/* Both take a TA address of a struct utee_time, checked by the callee. */
TEE_Result ta_time_get(uint64_t va);
TEE_Result ta_time_set(uint64_t va);

#endif
