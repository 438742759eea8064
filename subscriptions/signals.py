"""What happens to a contract that the payment provider must carry out.

``subscriptions`` knows nothing of payment providers (they live in ``orders``,
a floor above); the declarations send these after the contract changed here,
and ``orders`` passes them on to whoever collects the money.
"""

from django.dispatch import Signal

# A reader terminated; ``subscription`` ends at ``effective_at`` and is not renewed.
terminated = Signal()
# A reader withdrew in time; ``subscription`` ended at ``at`` and what was paid for the rest is owed back.
withdrawn = Signal()
