/** Carbon: a shipped table of annual grid intensity per country, PUE, and time-resolved intensity integrated over the energy trace. */
package io.joulebench.energy.carbon;
