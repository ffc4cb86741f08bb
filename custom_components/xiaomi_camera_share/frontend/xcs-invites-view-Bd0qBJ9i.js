import{i as e,m as i,f as t,s,l as a,a as n,b as r,c as o,A as c,_ as l,n as d,r as v,d as h}from"./xiaomi-camera-share-card.js";function p(e){return"pending"===e.status}class u extends e{constructor(){super(...arguments),this.invites=[],this.accounts=[],this.localize=i("en"),this.format=t(void 0),this.busy=new Set}static{this.styles=[s,a,n`
      .camera {
        font-weight: 500;
      }
    `]}async answer(e,i){if(this.hass){this.busy=new Set(this.busy).add(e.invite_id);try{await r(this.hass,e.entry_id,e.invite_id,i)}catch{}finally{const i=new Set(this.busy);i.delete(e.invite_id),this.busy=i}}}render(){return this.invites.length?o`<ha-list-base aria-label=${this.localize("tab.invites")}>
      ${this.invites.map(e=>this.renderInvite(e))}
    </ha-list-base>`:o`<p class="muted empty">${this.localize("invites.empty")}</p>`}renderInvite(e){const i=this.localize,t=i(`region.${e.region}`),s=function(e,i){return i.find(i=>i.entry_id===e.entry_id)}(e,this.accounts),a={camera:e.device_name,name:e.sender_name},n=p(e),r=this.busy.has(e.invite_id);return o`<ha-list-item-base data-invite=${e.invite_id}>
      <span slot="headline" class="camera"
        >${e.device_name} <span class="muted">${e.model}</span></span
      >
      <div slot="supporting-text">
        <div>
          ${i("invites.from",{name:e.sender_name})} ·
          ${i(`permission.${e.permission}`)}
          ${s?o` · → ${s.nickname}`:c}
        </div>
        <div>
          ${i("invites.waits_in",{region:t})}
          ${function(e){return p(e)&&Boolean(e.expires_at)}(e)&&e.expires_at?o` ·
                ${i("invites.expires",{relative:this.format.relative(new Date(e.expires_at),new Date)})}`:c}
          ${n?c:o` · ${i("invites.expired")}`}
        </div>
        ${function(e){return!1===e.region_in_use}(e)?o`<ha-alert class="region-note" alert-type="warning"
                >${i("invites.region_not_used",{region:t})}</ha-alert
              >`:c}
        ${n?o`<div class="row-actions">
                <ha-button
                  class="accept"
                  size="s"
                  .disabled=${r}
                  aria-label=${i("invites.accept_label",a)}
                  @click=${()=>!r&&this.answer(e,!0)}
                  >${i("invites.accept")}</ha-button
                >
                <ha-button
                  class="decline"
                  size="s"
                  appearance="plain"
                  .disabled=${r}
                  aria-label=${i("invites.decline_label",a)}
                  @click=${()=>!r&&this.answer(e,!1)}
                  >${i("invites.decline")}</ha-button
                >
              </div>`:c}
      </div>
    </ha-list-item-base>`}}l([d({attribute:!1})],u.prototype,"invites",void 0),l([d({attribute:!1})],u.prototype,"accounts",void 0),l([d({attribute:!1})],u.prototype,"localize",void 0),l([d({attribute:!1})],u.prototype,"format",void 0),l([v()],u.prototype,"busy",void 0),h("xcs-invites-view",u);export{u as InvitesView};
