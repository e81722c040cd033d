/*
 * System calls UTEE_SYS_CRYP_FIRST..LAST: GP cryptographic objects and
 * operations. State lives in the core, per TA instance.
 */
#ifndef RAMPART_TEE_SYSCALL_CRYP_H
#define RAMPART_TEE_SYSCALL_CRYP_H

#include <stdint.h>
#include <rampart/types.h>

/* @a: x0..x5 of the calling TA. */
TEE_Result syscall_cryp(uint64_t nr, const uint64_t a[6]);
/* Frees every object and operation of an instance (@state may be NULL). */
void syscall_cryp_instance_free(void *state);

#endif
