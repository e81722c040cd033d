/* The core's own address space: identity-mapped, W^X. */
#ifndef MM_CORE_MMU_H
#define MM_CORE_MMU_H

#include <rampart/types.h>

/* Boot CPU: build the tables. Every CPU: turn the MMU on with them. */
TEE_Result core_mmu_build_tables(void);
void core_mmu_enable_this_cpu(void);
/* The core's own tables (shared into every TA address space). */
struct pgt;
const struct pgt *core_mmu_pgt(void);

/* Checks the built tables keep the image W^X; logs the page counts. */
TEE_Result core_mmu_verify_wxn(void);

#endif
