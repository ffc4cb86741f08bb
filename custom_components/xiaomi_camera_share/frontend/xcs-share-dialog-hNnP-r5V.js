import{D as e,i,m as t,s,a,g as n,c as o,A as r,_ as c,n as h,r as l,d,h as p,j as u,S as v,k as m}from"./xiaomi-camera-share-card.js";import{M as g}from"./xcs-modal-dialog-fIK-mb6v.js";const k=["cn","de","us","ru","sg","i2"];function $(e){return"string"==typeof e&&k.includes(e)}function y(e,i){return $(i)?e(`region.${i}`):i}const f=new Map([["recipient_region_mismatch",{key:"service_error.recipient_region_mismatch",placeholders:["camera","person","account","region"],regions:["region"]}]]);function _(i,t){const s=i.translationDomain===e&&i.translationKey?f.get(i.translationKey):void 0,a=i.translationPlaceholders;if(!s||!s.placeholders.every(e=>Object.hasOwn(a,e))||!s.regions.every(e=>$(a[e])))return i.message;const n={...a};for(const e of s.regions)n[e]=y(t,a[e]??"");return t(s.key,n)}const b=["xiaomi_id","phone","saved","account"],z="xiaomi_id";class w extends i{constructor(){super(...arguments),this.localize=t("en"),this.entryId="",this.accounts=[],this.recipients=[],this.kind=z,this.typed="",this.saved="",this.account="",this.lookup={phase:"idle"},this.saveName="",this.saving={phase:"idle"},this.asked=0}static{this.shadowRootOptions={...i.shadowRootOptions,delegatesFocus:!0}}static{this.styles=[s,a`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-3, 12px);
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--ha-space-2, 8px);
      }
      .row > :first-child {
        flex: 1;
        min-width: 0;
      }
    `]}get otherAccounts(){return e=this.accounts,i=this.entryId,e.filter(e=>e.entry_id!==i);var e,i}get query(){const e={typed:this.typed,saved:this.saved,account:this.account};return function(e,i,t){switch(e){case"xiaomi_id":case"phone":return i.typed.trim();case"saved":return i.saved;case"account":return t.find(e=>e.entry_id===i.account)?.user_id??""}}(this.kind,e,this.otherAccounts)}setLookup(e){this.lookup=e;const i="found"===e.phase?{user_id:e.result.user_id,nickname:e.result.nickname}:null,t={kind:this.kind,recipient:i};this.dispatchEvent(new CustomEvent("xcs-recipient-change",{detail:t}))}changed(){this.asked+=1,this.saving={phase:"idle"},this.setLookup({phase:"idle"})}async onLookup(){const e=this.query;if(!this.hass||!e||"looking"===this.lookup.phase)return;const i=++this.asked;let t;this.setLookup({phase:"looking"});try{t={phase:"found",result:await n(this.hass,this.entryId,e,this.region)}}catch{t={phase:"failed"}}i===this.asked&&this.setLookup(t)}recipientRegion(e){return function(e,i,t,s){const a=e.regions??t.find(i=>i.user_id===e.user_id)?.regions;return a?.length?a.includes(i)?i:a[0]:s.find(i=>i.user_id===e.user_id)?.region??void 0}(e,this.region,this.accounts,this.recipients)}render(){const e=b.map(e=>({value:e,label:this.localize(`share.kind.${e}`)}));return o`
      <ha-select
        id="kind"
        .label=${this.localize("share.recipient_kind")}
        .options=${e}
        .value=${this.kind}
        @selected=${e=>{this.kind=e.detail.value,this.changed()}}
      ></ha-select>
      <div class="row">
        ${this.renderInput()}
        <ha-button
          id="lookup"
          appearance="filled"
          .disabled=${!this.query}
          .loading=${"looking"===this.lookup.phase}
          @click=${this.onLookup}
          >${this.localize("share.lookup")}</ha-button
        >
      </div>
      ${this.renderLookup()}
    `}renderInput(){const e=this.localize("share.recipient"),i=(i,t,s)=>o`<ha-select
        id="recipient"
        .label=${e}
        .options=${i}
        .value=${t}
        @selected=${e=>{s(e.detail.value),this.changed()}}
      ></ha-select>`;if("saved"===this.kind)return this.recipients.length?i(this.recipients.map(e=>({value:e.name,label:e.nickname?`${e.name} (${e.nickname})`:e.name})),this.saved,e=>this.saved=e):o`<p class="muted">${this.localize("share.no_saved")}</p>`;if("account"===this.kind)return this.otherAccounts.length?i(this.otherAccounts.map(e=>({value:e.entry_id,label:`${e.nickname} (${e.user_id})`})),this.account,e=>this.account=e):o`<p class="muted">${this.localize("share.no_accounts")}</p>`;const t="phone"===this.kind?{type:"tel",inputmode:"tel"}:{type:"text",inputmode:"numeric"};return o`<ha-input
      id="recipient"
      .label=${this.localize(`share.kind.${this.kind}`)}
      .type=${t.type}
      .inputmode=${t.inputmode}
      autocomplete="off"
      .value=${this.typed}
      @input=${e=>{this.typed=e.target.value??"",this.changed()}}
      @keydown=${e=>{"Enter"===e.key&&this.onLookup()}}
    ></ha-input>`}renderLookup(){if("failed"===this.lookup.phase)return o`<ha-alert class="lookup-failed" alert-type="error"
        >${this.localize("share.lookup_failed")}</ha-alert
      >`;if("found"!==this.lookup.phase)return r;const e=this.lookup.result,i=this.recipientRegion(e);return o`<p class="found" role="status">
        ${this.localize("share.found",{nickname:e.nickname,user_id:e.user_id})}
      </p>
      ${i&&function(e,i){return void 0!==e&&e!==i}(i,this.region)?o`<ha-alert class="region-warning" alert-type="warning">
              ${this.localize("share.region_warning",{nickname:e.nickname,their_region:y(this.localize,i),camera_region:y(this.localize,this.region)})}
            </ha-alert>`:r}
      ${this.renderSave(e,i)}`}renderSave(e,i){return"xiaomi_id"!==(t=this.kind)&&"phone"!==t?r:"saved"===this.saving.phase?o`<ha-alert class="saved" alert-type="success"
        >${this.localize("share.saved",{name:this.saving.name})}</ha-alert
      >`:o`<div class="row">
        <ha-input
          id="save-name"
          .label=${this.localize("share.save_name")}
          .value=${this.saveName}
          @input=${e=>this.saveName=e.target.value??""}
        ></ha-input>
        <ha-button id="save-recipient" appearance="plain" .disabled=${!this.saveName.trim()} @click=${async()=>{const t=this.saveName.trim();if(this.hass&&t)try{await p(this.hass,{name:t,user_id:e.user_id,nickname:e.nickname,region:i??null}),this.saving={phase:"saved",name:t}}catch{this.saving={phase:"failed"}}}}
          >${this.localize("share.save")}</ha-button
        >
      </div>
      ${"failed"===this.saving.phase?o`<ha-alert alert-type="error">${this.localize("share.save_failed")}</ha-alert>`:r}`;var t}}c([h({attribute:!1})],w.prototype,"localize",void 0),c([h({attribute:!1})],w.prototype,"entryId",void 0),c([h({attribute:!1})],w.prototype,"region",void 0),c([h({attribute:!1})],w.prototype,"accounts",void 0),c([h({attribute:!1})],w.prototype,"recipients",void 0),c([l()],w.prototype,"kind",void 0),c([l()],w.prototype,"typed",void 0),c([l()],w.prototype,"saved",void 0),c([l()],w.prototype,"account",void 0),c([l()],w.prototype,"lookup",void 0),c([l()],w.prototype,"saveName",void 0),c([l()],w.prototype,"saving",void 0),d("xcs-recipient-picker",w);const x={"1h":1,"4h":4,"1d":24,"1w":168},A=["permanent","1h","4h","1d","1w","until"];class R extends g{constructor(){super(...arguments),this.accounts=[],this.recipients=[],this.picked={kind:z,recipient:null},this.duration="permanent",this.until="",this.autoAccept=!0,this.sending={phase:"idle"}}heading(){return this.localize("share.title",{name:this.camera.name})}async getUpdateComplete(){const e=await super.getUpdateComplete();return await(this.picker?.updateComplete),e}get chosenPermission(){return e=this.permission,i=this.camera.capabilities,e??function(e){return e.view_only?"view_only":"control"}(i);var e,i}get chosenDuration(){return e=this.duration,i=this.format.fromWallTime(this.until),t=new Date,"permanent"===e?{kind:"permanent"}:"until"===e?i&&i.getTime()>t.getTime()?{kind:"until",until:i}:void 0:{kind:"hours",hours:x[e]};var e,i,t}onRecipientChange(e){this.picked=e.detail,this.sending={phase:"idle"}}async onSend(){const e=this.chosenDuration,i=this.picked.recipient;if(this.hass&&i&&e&&this.camera.device_id){this.sending={phase:"sending"};try{const s={deviceIds:[(t={deviceId:this.camera.device_id,userId:i.user_id,permission:this.chosenPermission,duration:e,toAccount:"account"===this.picked.kind,autoAccept:this.autoAccept}).deviceId],recipient:t.userId,permission:t.permission,duration:t.duration,autoAccept:t.toAccount?t.autoAccept:void 0},a=await u(this.hass,s);this.sending={phase:"done",result:a}}catch(e){this.sending={phase:"failed",error:v.from(e)}}var t}}renderBody(){const e=m(this.camera);return e?o`<ha-alert class="blocked" alert-type="info" title=${this.localize("share.unavailable")}
        >${this.localize(`reason.${e}`)}</ha-alert
      >`:o`
      <xcs-recipient-picker
        autofocus
        .hass=${this.hass}
        .localize=${this.localize}
        .entryId=${this.camera.entry_id}
        .region=${this.camera.region}
        .accounts=${this.accounts}
        .recipients=${this.recipients}
        @xcs-recipient-change=${this.onRecipientChange}
      ></xcs-recipient-picker>
      ${this.renderPermission()} ${this.renderDuration()}
      ${"account"===this.picked.kind?o`<ha-switch
              id="auto-accept"
              .checked=${this.autoAccept}
              @change=${e=>this.autoAccept=e.target.checked}
              >${this.localize("share.auto_accept")}</ha-switch
            >`:r}
      ${this.renderResult()}
    `}renderPermission(){const e=this.camera.capabilities.view_only;return o`<ha-radio-group
      id="permission"
      .label=${this.localize("share.permission")}
      .hint=${e?"":this.localize("share.view_only_unavailable")}
      .value=${this.chosenPermission}
      @change=${e=>this.permission=e.target.value}
    >
      <ha-radio-option value="view_only" .disabled=${!e}
        >${this.localize("share.permission.view_only")}</ha-radio-option
      >
      <ha-radio-option value="control">${this.localize("share.permission.control")}</ha-radio-option>
    </ha-radio-group>`}renderDuration(){const e=A.map(e=>({value:e,label:this.localize(`share.duration.${e}`)}));return o`<ha-select
        id="duration"
        .label=${this.localize("share.duration")}
        .options=${e}
        .value=${this.duration}
        @selected=${e=>this.duration=e.detail.value}
      ></ha-select>
      ${"until"===this.duration?o`<ha-input
              id="until"
              type="datetime-local"
              .label=${this.localize("share.until")}
              .hint=${this.format.timeZone}
              .min=${this.format.wallTime(new Date)}
              .value=${this.until}
              @input=${e=>this.until=e.target.value}
            ></ha-input>`:r}`}renderResult(){const e=this.sending;if("failed"===e.phase)return o`<ha-alert class="result error" alert-type="error">
        ${this.localize("share.result.error",{error:_(e.error,this.localize)})}
      </ha-alert>`;if("done"!==e.phase||!this.picked.recipient)return r;const{key:i,nickname:t,inviteRegions:s}=function(e,i,t){const s=e.results.find(e=>e.did===i);return{key:"accepted"===s?.status?"share.result.shared":"share.result.invited",nickname:e.recipient?.nickname??t,inviteRegions:e.invite_regions??[]}}(e.result,this.camera.did,this.picked.recipient.nickname);return o`<ha-alert class="result" alert-type="success">${this.localize(i,{nickname:t})}</ha-alert>
      ${s.length?o`<ha-alert class="region-note" alert-type="warning">
              ${this.localize("share.result.invite_regions",{regions:(a=this.localize,n=s,n.map(e=>y(a,e)).join(a("list.separator")))})}
            </ha-alert>`:r}`;var a,n}renderFooter(){const e="done"===this.sending.phase,i=!(t={blocked:void 0!==m(this.camera),hasRecipient:null!==this.picked.recipient,phase:this.sending.phase,duration:this.chosenDuration}).blocked&&t.hasRecipient&&"sending"!==t.phase&&"done"!==t.phase&&void 0!==t.duration;var t;return o`<ha-dialog-footer slot="footer">
      <ha-button id="cancel" slot="secondaryAction" appearance="plain" @click=${this.close}>
        ${this.localize(e?"dialog.close":"dialog.cancel")}
      </ha-button>
      ${e?r:o`<ha-button
              id="send"
              slot="primaryAction"
              .disabled=${!i}
              .loading=${"sending"===this.sending.phase}
              @click=${()=>i&&this.onSend()}
              >${this.localize("share.send")}</ha-button
            >`}
    </ha-dialog-footer>`}}c([h({attribute:!1})],R.prototype,"camera",void 0),c([h({attribute:!1})],R.prototype,"accounts",void 0),c([h({attribute:!1})],R.prototype,"recipients",void 0),c([l()],R.prototype,"picked",void 0),c([l()],R.prototype,"permission",void 0),c([l()],R.prototype,"duration",void 0),c([l()],R.prototype,"until",void 0),c([l()],R.prototype,"autoAccept",void 0),c([l()],R.prototype,"sending",void 0),c([(e,i,t)=>((e,i,t)=>(t.configurable=!0,t.enumerable=!0,Reflect.decorate&&"object"!=typeof i&&Object.defineProperty(e,i,t),t))(e,i,{get(){return this.renderRoot?.querySelector("xcs-recipient-picker")??null}})],R.prototype,"picker",void 0),d("xcs-share-dialog",R);export{R as ShareDialog};
